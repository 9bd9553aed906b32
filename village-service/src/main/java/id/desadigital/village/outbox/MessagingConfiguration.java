package id.desadigital.village.outbox;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

import id.desadigital.contracts.EventCodec;
import id.desadigital.contracts.Topics;
import id.desadigital.contracts.village.VillageEvents;

/** The topic this service owns, and the codec of its events. */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    @Bean
    NewTopic villageEventsTopic(OutboxProperties properties) {
        return TopicBuilder.name(Topics.VILLAGE_EVENTS)
                .partitions(properties.partitions())
                .replicas(properties.replicas())
                .build();
    }

    @Bean
    EventCodec villageEventCodec() {
        return VillageEvents.codec();
    }
}
