package id.desadigital.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.util.backoff.BackOffExecution;

import id.desadigital.contracts.EventCodec;
import id.desadigital.contracts.Topics;
import id.desadigital.contracts.village.VillageEvents;

/**
 * Which failures send a message to the dead-letter topic at once, and which are retried first; for a batch listener,
 * which record of the batch that is and what happens to the others.
 */
class DeadLetterAutoConfigurationTest {

    private final List<ConsumerRecord<?, ?>> deadLettered = new CopyOnWriteArrayList<>();
    private final List<Exception> deadLetterReasons = new CopyOnWriteArrayList<>();
    private final DefaultErrorHandler handler = DeadLetterAutoConfiguration.errorHandler(
            (record, exception) -> {
                deadLettered.add(record);
                deadLetterReasons.add(exception);
            },
            new MessagingProperties.Retry(Duration.ofMillis(1), 2.0, Duration.ofMillis(4), Duration.ofHours(1)));
    private static final TopicPartition PARTITION = new TopicPartition(Topics.VILLAGE_EVENTS, 0);

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
    void withTheServicesSettingsAnUnreachableStoreIsRetriedForAnHourBeforeItIsDeadLettered() {
        // As both services ship them in their application.yml (desa.kafka.consumer).
        MessagingProperties.Retry retry = new MessagingProperties.Retry(Duration.ofSeconds(1), 2.0,
                Duration.ofSeconds(30), Duration.ofHours(1));

        BackOffExecution execution = DeadLetterAutoConfiguration.backOff(retry).start();
        long waited = 0;
        long interval;
        while ((interval = execution.nextBackOff()) != BackOffExecution.STOP) {
            assertThat(Duration.ofMillis(interval)).isLessThanOrEqualTo(Duration.ofSeconds(30));
            waited += interval;
        }
        assertThat(Duration.ofMillis(waited)).isGreaterThanOrEqualTo(Duration.ofMinutes(59));
    }

    @Test
    void inABatchOnlyTheNamedBadRecordIsDeadLetteredTheOnesBeforeItCommittedAndTheOnesAfterItReread() {
        List<ConsumerRecord<String, String>> batch = batchAtOffsets(40, 41, 42);
        Exception malformed = failureOf(() -> VillageEvents.codec().decode("{\"type\": \"VillageAnnexed\"}"));
        Consumer<?, ?> consumer = mock(Consumer.class);

        assertThatThrownBy(() -> handleBatch(new BatchListenerFailedException("bad record", malformed, 1), batch,
                consumer))
                .as("the container is told to poll again for the records after the bad one")
                .isInstanceOf(KafkaException.class);

        assertThat(deadLettered).containsExactly(batch.get(1));
        assertThat(deadLetterReasons.get(0))
                .as("the dead letter names what was wrong with the record, not the batch wrapper")
                .isNotInstanceOf(BatchListenerFailedException.class)
                .hasCauseReference(malformed);
        assertThat(committedOffsets(consumer)).containsExactly(41L, 42L);
        verify(consumer).seek(PARTITION, 42L);
    }

    @Test
    void inABatchAnUnreachableStoreHoldsTheWholeBatchBackAndDeadLettersNothing() {
        List<ConsumerRecord<String, String>> batch = batchAtOffsets(40, 41, 42);
        Exception storeDown = new DataAccessResourceFailureException("Timed out waiting for a server");
        Consumer<?, ?> consumer = mock(Consumer.class);

        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThatThrownBy(() -> handleBatch(new BatchListenerFailedException("store down", storeDown, 0), batch,
                    consumer)).as("retried later, from the first record").hasMessageContaining("not yet recovered");
        }

        assertThat(deadLettered).isEmpty();
        assertThat(committedOffsets(consumer)).isEmpty();
        verify(consumer, times(5)).seek(PARTITION, 40L);
    }

    private void handleBatch(BatchListenerFailedException failure, List<ConsumerRecord<String, String>> batch,
            Consumer<?, ?> consumer) {
        MessageListenerContainer container = mock(MessageListenerContainer.class);
        when(container.getContainerProperties()).thenReturn(new ContainerProperties(Topics.VILLAGE_EVENTS));
        handler.handleBatch(new ListenerExecutionFailedException("listener failed", "budget-service", failure),
                new ConsumerRecords<>(Map.of(PARTITION, batch), Map.of()), consumer, container, () -> { });
    }

    private static List<ConsumerRecord<String, String>> batchAtOffsets(long... offsets) {
        List<ConsumerRecord<String, String>> batch = new ArrayList<>();
        for (long offset : offsets) {
            batch.add(new ConsumerRecord<>(Topics.VILLAGE_EVENTS, PARTITION.partition(), offset, "33.03.01.2001",
                    "{}"));
        }
        return batch;
    }

    @SuppressWarnings("unchecked")
    private static List<Long> committedOffsets(Consumer<?, ?> consumer) {
        ArgumentCaptor<Map<TopicPartition, OffsetAndMetadata>> commits = ArgumentCaptor.forClass(Map.class);
        verify(consumer, atLeast(0)).commitSync(commits.capture(), any());
        return commits.getAllValues().stream().map(offsets -> offsets.get(PARTITION).offset()).toList();
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
