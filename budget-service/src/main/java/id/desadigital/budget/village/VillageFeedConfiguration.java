package id.desadigital.budget.village;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import id.desadigital.contracts.EventCodec;
import id.desadigital.contracts.village.VillageEvents;

@Configuration(proxyBeanMethods = false)
class VillageFeedConfiguration {

    /** Decodes village-events into typed payloads; an unknown type or malformed JSON fails the message. */
    @Bean
    EventCodec villageEventCodec() {
        return VillageEvents.codec();
    }
}
