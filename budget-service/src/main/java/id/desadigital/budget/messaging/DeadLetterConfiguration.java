package id.desadigital.budget.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import id.desadigital.contracts.EventCodec;
import id.desadigital.contracts.Topics;
import tools.jackson.core.JacksonException;

/**
 * What a listener does with a message it could not handle. A message that breaks the contract (not JSON, an
 * unknown type, a missing field) goes to {@code <topic>.DLT} on the first failure, with Spring's exception headers
 * saying why; anything else is assumed to be transient (MongoDB restarting, a timeout) and is retried with an
 * exponential back-off, holding back the partition so events of one village are never applied out of order.
 * Boot's listener container factory picks up the {@link CommonErrorHandler} bean.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    @Bean
    DefaultErrorHandler listenerErrorHandler(KafkaOperations<?, ?> kafka, MessagingProperties properties) {
        // The recoverer waits for the broker's acknowledgement and fails otherwise, so a dead letter that was
        // not stored leaves the message to be retried instead of being skipped.
        return errorHandler(new DeadLetterPublishingRecoverer(kafka, DeadLetterConfiguration::deadLetterPartition),
                properties.consumer().retry());
    }

    /**
     * {@code <topic>.DLT} as the contract names it (spring-kafka's own default suffix is different), same partition;
     * should the dead-letter topic have fewer partitions, the recoverer lets the producer choose one instead.
     */
    static TopicPartition deadLetterPartition(ConsumerRecord<?, ?> record, Exception failure) {
        return new TopicPartition(Topics.deadLetter(record.topic()), record.partition());
    }

    static DefaultErrorHandler errorHandler(ConsumerRecordRecoverer recoverer, MessagingProperties.Retry retry) {
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff(retry));
        handler.addNotRetryableExceptions(
                UnprocessableMessageException.class,
                EventCodec.MalformedEventException.class,
                JacksonException.class);
        return handler;
    }

    static ExponentialBackOff backOff(MessagingProperties.Retry retry) {
        ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        backOff.setMaxElapsedTime(retry.maxElapsedTime().toMillis());
        return backOff;
    }
}
