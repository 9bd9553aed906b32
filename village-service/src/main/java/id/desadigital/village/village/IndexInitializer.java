package id.desadigital.village.village;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/** Creates the registry's indexes when the service starts; creating an existing index is a no-op. */
@Component
class IndexInitializer {

    private final VillageStore store;

    IndexInitializer(VillageStore store) {
        this.store = store;
    }

    @EventListener(ApplicationReadyEvent.class)
    Mono<Void> createIndexes() {
        return store.ensureIndexes();
    }
}
