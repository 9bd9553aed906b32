package id.desadigital.budget.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.util.backoff.BackOffExecution;

import id.desadigital.contracts.EventCodec;
import id.desadigital.contracts.Topics;
import id.desadigital.contracts.village.VillageEvents;

/** Which failures send a message to the dead-letter topic at once, and which are retried first. */
class DeadLetterConfigurationTest {

    private final List<ConsumerRecord<?, ?>> deadLettered = new CopyOnWriteArrayList<>();
    private final DefaultErrorHandler handler = DeadLetterConfiguration.errorHandler(
            (record, exception) -> deadLettered.add(record),
            new MessagingProperties.Retry(Duration.ofMillis(1), 2.0, Duration.ofMillis(4), Duration.ofHours(1)));
    private final ConsumerRecord<String, String> record =
            new ConsumerRecord<>(Topics.VILLAGE_EVENTS, 0, 42L, "33.03.01.2001", "{}");

    @Test
    void malformedJsonIsDeadLetteredWithoutRetrying() {
        Exception malformed = failureOf(() -> VillageEvents.codec().decode("{\"eventId\": "));

        assertThat(handle(malformed)).as("recovered at the first failure").isTrue();
        assertThat(deadLettered).containsExactly(record);
    }

    @Test
    void anUnknownEventTypeIsDeadLetteredWithoutRetrying() {
        Exception unknown = failureOf(() -> VillageEvents.codec().decode("{\"type\": \"VillageAnnexed\"}"));
        assertThat(unknown).isInstanceOf(EventCodec.MalformedEventException.class);

        assertThat(handle(unknown)).isTrue();
        assertThat(deadLettered).containsExactly(record);
    }

    @Test
    void aContractViolationIsDeadLetteredWithoutRetrying() {
        assertThat(handle(new UnprocessableMessageException("status 'DISSOLVED' is neither ACTIVE nor INACTIVE")))
                .isTrue();
        assertThat(deadLettered).containsExactly(record);
    }

    @Test
    void anUnreachableStoreIsRetriedNotDeadLettered() {
        Exception storeDown = new DataAccessResourceFailureException("Timed out waiting for a server");

        for (int attempt = 1; attempt <= 10; attempt++) {
            assertThat(handle(storeDown)).as("attempt %d recovered", attempt).isFalse();
        }
        assertThat(deadLettered).isEmpty();
    }

    @Test
    void withTheShippedSettingsAnUnreachableStoreIsRetriedForAnHourBeforeItIsDeadLettered() throws Exception {
        MessagingProperties shipped = shippedSettings();

        BackOffExecution execution = DeadLetterConfiguration.backOff(shipped.consumer().retry()).start();
        long waited = 0;
        long interval;
        while ((interval = execution.nextBackOff()) != BackOffExecution.STOP) {
            assertThat(Duration.ofMillis(interval)).isLessThanOrEqualTo(Duration.ofSeconds(30));
            waited += interval;
        }
        assertThat(Duration.ofMillis(waited)).isGreaterThanOrEqualTo(Duration.ofMinutes(59));
        assertThat(shipped.consumer().handlingTimeout())
                .as("well inside Kafka's max.poll.interval.ms of 5 minutes")
                .isLessThan(Duration.ofMinutes(1));
    }

    private static MessagingProperties shippedSettings() throws java.io.IOException {
        var sources = new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"));
        return new Binder(ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources))
                .bind("desa.kafka", MessagingProperties.class)
                .orElseThrow(() -> new AssertionError("no desa.kafka settings in application.yml"));
    }

    private boolean handle(Exception cause) {
        return handler.handleOne(new ListenerExecutionFailedException("listener failed", cause), record,
                mock(Consumer.class), mock(MessageListenerContainer.class));
    }

    private static Exception failureOf(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("expected a failure");
    }
}
