package id.desadigital.platform.accountevents;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;

import id.desadigital.platform.kafka.MessagingProperties;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Every service follows account-events and refuses the tokens its account changes end (see
 * {@code ServiceSecurityAutoConfiguration}), with no code of its own.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnBean(ConsumerFactory.class)
@ConditionalOnProperty(prefix = "desa.account-events", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties({AccountEventsProperties.class, MessagingProperties.class})
public class AccountEventsAutoConfiguration {

    @Bean
    AccountStates accountStates(AccountEventsProperties properties) {
        return new AccountStates(properties.requestWait());
    }

    @Bean
    AccountEventsReader accountEventsReader(ConsumerFactory<?, ?> consumers, AccountStates states,
            AccountEventsProperties properties, Environment environment, ObjectProvider<MeterRegistry> registry) {
        String service = environment.getProperty("spring.application.name", "service");
        return new AccountEventsReader(consumers.getConfigurationProperties(), states, properties,
                service + "-account-events", registry.getIfAvailable());
    }

    /**
     * Declared here too (like the services' other topics), compacted and of the shape the gateway gives it, so
     * that whichever comes up first creates it the same way.
     */
    @Bean
    NewTopic accountEventsTopic(AccountEventsProperties properties, MessagingProperties messaging) {
        return TopicBuilder.name(properties.topic()).partitions(messaging.partitions())
                .replicas(messaging.replicas()).compact().build();
    }

    @Bean
    AccountEventsHealthIndicator accountEventsHealthIndicator(AccountStates states) {
        return new AccountEventsHealthIndicator(states);
    }
}
