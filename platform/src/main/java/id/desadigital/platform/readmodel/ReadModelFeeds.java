package id.desadigital.platform.readmodel;

import java.time.Clock;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;

/**
 * Makes the {@link ReadModelFeed} of each read model a service declares, with the service's store, its listener
 * container factory (so the dead-letter handling and the consumer settings are the service's own), its consumer
 * group as the prefix of every later generation's group, and its client id (when it sets one) as the prefix of its
 * consumers' names.
 */
public final class ReadModelFeeds {

    private final ReactiveMongoTemplate mongo;
    private final ConsumerOffsets offsets;
    private final ConcurrentKafkaListenerContainerFactory<?, ?> containers;
    private final ReadModelProperties properties;
    private final String groupPrefix;
    private final String clientIdPrefix;

    ReadModelFeeds(ReactiveMongoTemplate mongo, ConsumerOffsets offsets,
            ConcurrentKafkaListenerContainerFactory<?, ?> containers, ReadModelProperties properties) {
        this.mongo = mongo;
        this.offsets = offsets;
        this.containers = containers;
        this.properties = properties;
        Object group = containers.getConsumerFactory().getConfigurationProperties().get(ConsumerConfig.GROUP_ID_CONFIG);
        this.groupPrefix = group == null ? "" : group.toString();
        Object clientId = containers.getConsumerFactory().getConfigurationProperties()
                .get(ConsumerConfig.CLIENT_ID_CONFIG);
        this.clientIdPrefix = clientId == null || clientId.toString().isBlank() ? "" : clientId + "-";
    }

    /** A feed of its own for {@code model}; a bean, so that it starts and stops with the service. */
    public ReadModelFeed feed(ReadModel model) {
        // Checked here, not at start-up: a service that consumes nothing into a read model needs no group.
        if (groupPrefix.isBlank()) {
            throw new IllegalStateException("spring.kafka.consumer.group-id must name the service's consumer group: "
                    + "it is the read models' generation 0 group and the prefix of every later one");
        }
        return new ReadModelFeed(model, groupPrefix, clientIdPrefix, mongo, offsets, containers,
                properties.pollInterval(), Clock.systemUTC());
    }
}
