package id.desadigital.village.outbox;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import id.desadigital.contracts.EventCodec;
import id.desadigital.contracts.village.VillageEvents;
import id.desadigital.platform.observability.PendingOutbox;
import id.desadigital.village.village.Village;
import id.desadigital.village.village.VillageStore;

/**
 * The codec of the events this service publishes, and its outbox's backlog gauge; the topic itself is declared in
 * {@code messaging}.
 */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    @Bean
    EventCodec villageEventCodec() {
        return VillageEvents.codec();
    }

    /** The outbox backlog gauge of villages (docs/observability.md). */
    @Bean
    PendingOutbox villageBacklog() {
        return new PendingOutbox(Village.COLLECTION, VillageStore.UNPUBLISHED);
    }
}
