package id.desadigital.platform.kafka;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.kafka.config.TopicBuilder;

/**
 * How a service declares the event topics it writes, reads or dead-letters to. Every service declares the topics it
 * uses, so that it starts on an empty broker whichever comes up first; whichever declares a topic first gives it
 * this shape, and with {@code spring.kafka.admin.modify-topic-configs} a later start brings an existing topic's
 * configuration back to it.
 *
 * <p>The events are kept for as long as {@code desa.kafka.retention-ms} says, by default for ever, rather than the
 * broker's week: a read model is rebuilt by reading its topic from the start (a new consumer group, a replay), which
 * needs every event since the first, and a dead letter waits for someone to look at it. A national year of ledger
 * entries is about a gigabyte.
 */
public final class EventTopics {

    private EventTopics() {
    }

    public static NewTopic declare(String name, MessagingProperties properties) {
        return TopicBuilder.name(name)
                .partitions(properties.partitions())
                .replicas(properties.replicas())
                .config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(properties.retentionMs()))
                .build();
    }
}
