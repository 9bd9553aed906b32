package id.desadigital.budget.messaging;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import id.desadigital.contracts.Topics;
import id.desadigital.platform.kafka.EventTopics;
import id.desadigital.platform.kafka.MessagingProperties;

/**
 * Declares the topics this service reads, writes and dead-letters to, so that it starts on an empty broker whichever
 * service comes up first. The dead-letter topic has as many partitions as its source, because a dead letter keeps
 * the partition of the message it replaces.
 */
@Configuration(proxyBeanMethods = false)
class TopicConfiguration {

    @Bean
    NewTopic villageEventsTopic(MessagingProperties properties) {
        return EventTopics.declare(Topics.VILLAGE_EVENTS, properties);
    }

    @Bean
    NewTopic villageEventsDeadLetterTopic(MessagingProperties properties) {
        return EventTopics.declare(Topics.deadLetter(Topics.VILLAGE_EVENTS), properties);
    }

    @Bean
    NewTopic budgetEventsTopic(MessagingProperties properties) {
        return EventTopics.declare(Topics.BUDGET_EVENTS, properties);
    }
}
