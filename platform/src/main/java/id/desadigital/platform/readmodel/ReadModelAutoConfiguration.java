package id.desadigital.platform.readmodel;

import java.util.List;

import org.apache.kafka.clients.admin.AdminClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;

import id.desadigital.platform.kafka.KafkaHealthAutoConfiguration;

/** Read models that a service rebuilds from their topic ({@link ReadModelFeed}), and the operator's endpoint. */
@AutoConfiguration(after = {KafkaAutoConfiguration.class, KafkaHealthAutoConfiguration.class},
        afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration")
@ConditionalOnClass(ReactiveMongoTemplate.class)
@EnableConfigurationProperties(ReadModelProperties.class)
public class ReadModelAutoConfiguration {

    /** The admin client is the one the Kafka health check already holds open. */
    @Bean
    @ConditionalOnBean({ReactiveMongoTemplate.class, AdminClient.class, ConcurrentKafkaListenerContainerFactory.class})
    ReadModelFeeds readModelFeeds(ReactiveMongoTemplate mongo, AdminClient admin,
            ConcurrentKafkaListenerContainerFactory<?, ?> kafkaListenerContainerFactory,
            ReadModelProperties properties) {
        return new ReadModelFeeds(mongo, new ConsumerOffsets(admin, properties.brokerTimeout()),
                kafkaListenerContainerFactory, properties);
    }

    @Bean
    @ConditionalOnBean(ReadModelFeed.class)
    ReadModelController readModelController(List<ReadModelFeed> feeds, ReadModelProperties properties) {
        return new ReadModelController(feeds, properties);
    }
}
