package id.desadigital.gateway.accountevents;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The gauge {@value #METRIC}{@code {outbox="users"}}: accounts whose latest event is stored but not yet on
 * account-events, the same gauge the services keep of their outboxes (docs/observability.md). Counted from the store
 * every {@code desa.observability.outbox-backlog.interval}, never on a scrape, from the sparse index of pending
 * accounts, up to {@code limit}; NaN until the first count. From the store rather than from the relay's memory,
 * because what matters is what no relay of this instance knows of: events a crashed instance left.
 */
@Component
public class AccountEventBacklog implements SmartLifecycle {

    public static final String METRIC = "desa.outbox.pending";

    private static final Logger log = LoggerFactory.getLogger(AccountEventBacklog.class);

    private final AccountEventRelay relay;
    private final Duration interval;
    private final int limit;
    private final AtomicLong pending = new AtomicLong(-1);
    private volatile Disposable counting;

    AccountEventBacklog(AccountEventRelay relay, MeterRegistry registry,
            @Value("${desa.observability.outbox-backlog.interval}") Duration interval,
            @Value("${desa.observability.outbox-backlog.limit}") int limit) {
        this.relay = relay;
        this.interval = interval;
        this.limit = limit;
        Gauge.builder(METRIC, pending, count -> count.get() < 0 ? Double.NaN : count.get())
                .description("Documents holding changes stored but not yet published to Kafka, counted every "
                        + interval + " up to " + limit)
                .baseUnit("documents")
                .tag("outbox", "users")
                .register(registry);
    }

    /** Counts now; emits when the gauge holds the new count. */
    public Mono<Void> refresh() {
        return relay.countPending(limit).doOnNext(pending::set).then();
    }

    @Override
    public void start() {
        counting = Flux.interval(Duration.ZERO, interval)
                .onBackpressureDrop()
                .concatMap(tick -> refresh().onErrorResume(failure -> {
                    log.warn("Counting the account outbox failed; next in {}: {}", interval, failure.toString());
                    return Mono.empty();
                }), 0)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable running = counting;
        if (running != null) {
            running.dispose();
        }
        counting = null;
    }

    @Override
    public boolean isRunning() {
        return counting != null;
    }
}
