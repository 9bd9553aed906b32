package id.desadigital.village.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import id.desadigital.village.village.VillageStore;
import reactor.core.publisher.Mono;

/**
 * The slow path of the outbox: finds changes that were stored but never published (the process died, or Kafka was
 * away when the request was answered) and publishes them. Runs at start-up and then every sweep interval.
 */
@Component
public class OutboxSweeper {

    private static final Logger log = LoggerFactory.getLogger(OutboxSweeper.class);

    private final VillageStore store;
    private final OutboxRelay relay;
    private final OutboxProperties properties;

    public OutboxSweeper(VillageStore store, OutboxRelay relay, OutboxProperties properties) {
        this.store = store;
        this.relay = relay;
        this.properties = properties;
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${desa.outbox.sweep-interval}")
    public Mono<Void> sweep() {
        return store.findUnpublished(properties.sweepBatch())
                .collectList()
                .flatMap(pending -> relay.publishAll(pending)
                        .doOnSuccess(done -> {
                            if (!pending.isEmpty()) {
                                log.info("Outbox sweep published the pending changes of {} villages", pending.size());
                            }
                        }))
                .onErrorResume(e -> {
                    log.warn("Outbox sweep failed, will try again: {}", e.toString());
                    return Mono.empty();
                });
    }
}
