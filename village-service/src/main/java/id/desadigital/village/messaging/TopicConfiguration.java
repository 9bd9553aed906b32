package id.desadigital.village.messaging;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import id.desadigital.contracts.Topics;
import id.desadigital.platform.kafka.EventTopics;
import id.desadigital.platform.kafka.MessagingProperties;

/**
 * Declares the topics this service writes, reads and dead-letters to, so that it starts on an empty broker whichever
 * service comes up first. budget-service declares budget-events too, from the same KAFKA_PARTITIONS, so whichever
 * declares it first gives it the same shape. The dead-letter topic has as many partitions as its source, because a
 * dead letter keeps the partition of the message it replaces.
 */
@Configuration(proxyBeanMethods = false)
class TopicConfiguration {

    @Bean
    NewTopic villageEventsTopic(MessagingProperties properties) {
        return EventTopics.declare(Topics.VILLAGE_EVENTS, properties);
    }

    @Bean
    NewTopic budgetEventsTopic(MessagingProperties properties) {
        return EventTopics.declare(Topics.BUDGET_EVENTS, properties);
    }

    @Bean
    NewTopic budgetEventsDeadLetterTopic(MessagingProperties properties) {
        return EventTopics.declare(Topics.deadLetter(Topics.BUDGET_EVENTS), properties);
    }
}
