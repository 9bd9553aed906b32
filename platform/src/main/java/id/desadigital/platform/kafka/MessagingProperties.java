package id.desadigital.platform.kafka;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this service uses Kafka beyond Spring's own {@code spring.kafka.*}: the shape of the topics it declares and
 * how its consumers treat a message they could not handle.
 *
 * @param partitions partitions of each topic this service declares
 * @param replicas replication factor of each topic this service declares
 * @param retentionMs how long each topic this service declares keeps its events; -1, the default, for ever
 *     ({@link EventTopics})
 * @param consumer how long one message (or batch) may take and how failed ones are retried
 */
@ConfigurationProperties("desa.kafka")
public record MessagingProperties(
        @DefaultValue("3") int partitions,
        @DefaultValue("1") short replicas,
        @DefaultValue("-1") long retentionMs,
        @DefaultValue Consumer consumer) {

    /**
     * @param handlingTimeout how long a listener waits for its store on one message (or one batch, for a batch
     *     listener) before the attempt fails
     * @param retry the back-off for failures that may go away (the store or the broker unreachable)
     */
    public record Consumer(
            @DefaultValue("15s") Duration handlingTimeout,
            @DefaultValue Retry retry) {
    }

    /** Exponential back-off; a message is dead-lettered only after it kept failing for {@code maxElapsedTime}. */
    public record Retry(
            @DefaultValue("1s") Duration initialInterval,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("30s") Duration maxInterval,
            @DefaultValue("1h") Duration maxElapsedTime) {
    }
}
