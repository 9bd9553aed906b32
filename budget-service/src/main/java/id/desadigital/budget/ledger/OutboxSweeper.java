package id.desadigital.budget.ledger;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import id.desadigital.platform.scheduling.Periodic;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Relays what requests left pending: entries whose request died between storing them and relaying them, or whose
 * relay failed (Kafka away). Runs at start-up and then every {@code desa.outbox.sweep-interval}.
 */
@Component
public class OutboxSweeper {

    private static final Logger log = LoggerFactory.getLogger(OutboxSweeper.class);
    /** Matches any string: both stores answer a regular expression on the marker from its sparse index alone. */
    private static final String ANY = "^";

    private final ReactiveMongoTemplate mongo;
    private final List<OutboxedCollection<?>> collections;
    private final Duration interval;
    private final int batch;
    private Disposable schedule;

    public OutboxSweeper(ReactiveMongoTemplate mongo, List<OutboxedCollection<?>> collections,
            @Value("${desa.outbox.sweep-interval}") Duration interval, @Value("${desa.outbox.sweep-batch}") int batch) {
        this.mongo = mongo;
        this.collections = collections;
        this.interval = interval;
        this.batch = batch;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        schedule = Periodic.every(interval, Duration.ZERO, "Outbox sweep", this::sweep);
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.dispose();
        }
    }

    /** Relays every document still holding entries; emits how many documents it relayed. */
    public Mono<Long> sweep() {
        return Flux.fromIterable(collections)
                .concatMap(this::sweep)
                .reduce(0L, Long::sum)
                .doOnNext(count -> {
                    if (count > 0) {
                        log.info("Outbox sweep relayed the pending entries of {} documents", count);
                    }
                });
    }

    private <T extends Outboxed> Mono<Long> sweep(OutboxedCollection<T> collection) {
        return mongo.find(query(where(Outboxed.UNPUBLISHED).regex(ANY)).limit(batch), collection.type(),
                        collection.name())
                .concatMap(document -> collection.relay().apply(document).thenReturn(1L))
                .count();
    }
}
