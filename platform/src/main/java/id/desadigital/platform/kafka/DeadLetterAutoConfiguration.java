package id.desadigital.platform.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.util.backoff.ExponentialBackOff;

import id.desadigital.contracts.Topics;

/**
 * What a listener does with a message it could not handle. A message that breaks the contract (not JSON, an
 * unknown type, a missing field) goes to {@code <topic>.DLT} on the first failure, with Spring's exception headers
 * saying why; anything else is assumed to be transient (MongoDB restarting, a timeout) and is retried with an
 * exponential back-off, holding back the partition so events of one village are never applied out of order.
 * Boot's listener container factory picks up the {@link CommonErrorHandler} bean.
 *
 * <p>Batch listeners name the record that failed with a {@code BatchListenerFailedException} carrying its index:
 * the handler then commits the records before it (the listener has stored them), treats that one record like a
 * record listener's failure (dead letter, or back-off and retry), and has the records after it delivered again.
 */
@AutoConfiguration
@EnableConfigurationProperties(MessagingProperties.class)
public class DeadLetterAutoConfiguration {

    @Bean
    DefaultErrorHandler listenerErrorHandler(KafkaOperations<?, ?> kafka, MessagingProperties properties) {
        // The recoverer waits for the broker's acknowledgement and fails otherwise, so a dead letter that was
        // not stored leaves the message to be retried instead of being skipped.
        return errorHandler(new DeadLetterPublishingRecoverer(kafka, DeadLetterAutoConfiguration::deadLetterPartition),
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
        ConsumerAwareRecordRecoverer namingTheCause = (record, consumer, failure) -> {
            Exception cause = withoutBatchWrapper(failure);
            if (recoverer instanceof ConsumerAwareRecordRecoverer consumerAware) {
                consumerAware.accept(record, consumer, cause);
            } else {
                recoverer.accept(record, cause);
            }
        };
        DefaultErrorHandler handler = new DefaultErrorHandler(namingTheCause, backOff(retry));
        UnprocessableMessages.NEVER_RETRIED.forEach(handler::addNotRetryableExceptions);
        return handler;
    }

    /**
     * The failure of a batch listener's record as a record listener's failure would look: the dead letter's
     * exception headers then name what was wrong with the record (a JSON error, a refused event), not the
     * {@link BatchListenerFailedException} that only pointed at it.
     */
    static Exception withoutBatchWrapper(Exception failure) {
        if (failure instanceof ListenerExecutionFailedException listenerFailure
                && listenerFailure.getCause() instanceof BatchListenerFailedException batchFailure
                && batchFailure.getCause() instanceof Exception cause) {
            return new ListenerExecutionFailedException(listenerFailure.getMessage(), listenerFailure.getGroupId(),
                    cause);
        }
        if (failure instanceof BatchListenerFailedException batchFailure
                && batchFailure.getCause() instanceof Exception cause) {
            return cause;
        }
        return failure;
    }

    static ExponentialBackOff backOff(MessagingProperties.Retry retry) {
        ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        backOff.setMaxElapsedTime(retry.maxElapsedTime().toMillis());
        return backOff;
    }
}
