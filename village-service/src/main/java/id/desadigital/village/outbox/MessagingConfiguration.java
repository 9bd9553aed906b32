package id.desadigital.village.outbox;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import id.desadigital.contracts.EventCodec;
import id.desadigital.contracts.village.VillageEvents;

/** The codec of the events this service publishes; the topic itself is declared in {@code messaging}. */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    @Bean
    EventCodec villageEventCodec() {
        return VillageEvents.codec();
    }
}
