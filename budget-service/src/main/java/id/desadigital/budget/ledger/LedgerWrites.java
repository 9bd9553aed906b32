package id.desadigital.budget.ledger;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import id.desadigital.contracts.budget.BudgetEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts the ledger entries written, by type ({@value #METRIC}, tag {@code type}: FUNDS_ALLOCATED,
 * SPENDING_RECORDED, ...), at the moment the store acknowledged the write that holds them: an entry is part of the
 * ledger from then on, whether it has been relayed yet or not. A repeated request that finds its entry already
 * written counts nothing; a write that lost its race counts only when it finally takes effect.
 */
@Component
public class LedgerWrites {

    public static final String METRIC = "desa.ledger.entries.written";

    private final MeterRegistry registry;
    private final Map<String, Counter> byType = new ConcurrentHashMap<>();

    public LedgerWrites(MeterRegistry registry) {
        this.registry = registry;
        // Every type from the start, so that a rate over a type not written yet reads 0 rather than nothing.
        BudgetEvents.PAYLOAD_TYPES.keySet().forEach(this::counter);
    }

    /** The store acknowledged a write holding {@code entry}. */
    public void written(LedgerEntry entry) {
        counter(entry.type()).increment();
    }

    private Counter counter(String type) {
        return byType.computeIfAbsent(type, name -> Counter.builder(METRIC)
                .description("Ledger entries written (acknowledged by the store), by entry type")
                .tag("type", name)
                .register(registry));
    }
}
