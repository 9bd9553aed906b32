package id.desadigital.platform.observability;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import id.desadigital.platform.scheduling.Periodic;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The gauge {@value #METRIC} of each {@link PendingOutbox}: how many documents hold changes stored but not yet on
 * Kafka. A scrape reads the last count; the store is asked every {@code desa.observability.outbox-backlog.interval}
 * (15 s), not on every scrape, with one {@code count} of the outbox's unique sparse marker index, which holds only
 * the pending documents and which both MongoDB and the embedded store answer from the index alone. So a count costs
 * what the backlog is (nothing when healthy), never a scan of the 84,000 villages, and it stops at
 * {@code desa.observability.outbox-backlog.limit}. It is counted from the store rather than kept in memory by the
 * relay because the backlog that matters is exactly the one a relay does not know of: entries another instance
 * stored, or that a crashed process left, which only the sweep finds. Every instance reports the same shared count;
 * take the max over instances, not the sum. Until the first count the gauge reads NaN.
 */
public final class OutboxBacklog implements SmartLifecycle {

    public static final String METRIC = "desa.outbox.pending";
    /** Matches any string: the form both stores answer from the sparse marker index. */
    private static final String ANY = "^";

    private final ReactiveMongoTemplate mongo;
    private final List<PendingOutbox> outboxes;
    private final Duration interval;
    private final int limit;
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private volatile Disposable schedule;

    public OutboxBacklog(ReactiveMongoTemplate mongo, List<PendingOutbox> outboxes, MeterRegistry registry,
            ObservabilityProperties.OutboxBacklogCount settings) {
        this.mongo = mongo;
        this.outboxes = List.copyOf(outboxes);
        this.interval = settings.interval();
        this.limit = settings.limit();
        for (PendingOutbox outbox : this.outboxes) {
            AtomicLong count = new AtomicLong(-1);
            counts.put(outbox.collection(), count);
            Gauge.builder(METRIC, count, value -> value.get() < 0 ? Double.NaN : value.get())
                    .description("Documents holding changes stored but not yet published to Kafka, counted every "
                            + interval + " up to " + limit)
                    .baseUnit("documents")
                    .tag("outbox", outbox.collection())
                    .register(registry);
        }
    }

    /** Counts every outbox now; emits when the gauges hold the new counts. */
    public Mono<Void> refresh() {
        return Flux.fromIterable(outboxes)
                .concatMap(outbox -> count(outbox).doOnNext(n -> counts.get(outbox.collection()).set(n)))
                .then();
    }

    /**
     * The count command rather than countDocuments: the embedded store runs countDocuments as an aggregation over
     * every document, but answers count with a filter on an index's field from that index.
     */
    private Mono<Long> count(PendingOutbox outbox) {
        Document command = new Document("count", outbox.collection())
                .append("query", where(outbox.marker()).regex(ANY).getCriteriaObject())
                .append("limit", limit);
        return mongo.executeCommand(command).map(reply -> reply.get("n", Number.class).longValue());
    }

    @Override
    public void start() {
        if (!outboxes.isEmpty()) {
            schedule = Periodic.every(interval, Duration.ZERO, "Counting the outbox backlog", this::refresh);
        }
    }

    @Override
    public void stop() {
        Disposable running = schedule;
        if (running != null) {
            running.dispose();
        }
        schedule = null;
    }

    @Override
    public boolean isRunning() {
        return schedule != null;
    }
}
