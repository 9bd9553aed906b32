package id.desadigital.village.budget;

import static id.desadigital.village.budget.SampleBudgetEvents.allocated;
import static id.desadigital.village.budget.SampleBudgetEvents.encode;
import static id.desadigital.village.budget.SampleBudgetEvents.programCreated;
import static id.desadigital.village.budget.SampleBudgetEvents.spent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;

import com.mongodb.MongoTimeoutException;

import id.desadigital.contracts.EventEnvelope;
import id.desadigital.contracts.Topics;
import id.desadigital.village.budget.BudgetProjection.Decision;
import id.desadigital.village.budget.BudgetProjection.Outcome;
import id.desadigital.platform.kafka.MessagingProperties;
import id.desadigital.platform.kafka.UnprocessableMessages;
import id.desadigital.platform.observability.Traces;
import reactor.core.publisher.Mono;

/** Which record of a batch the listener names to the error handler, and what it hands to the projection. */
class BudgetEventListenerTest {

    private static final String CODE = "73.71.09.1001";
    private static final Duration HANDLING_TIMEOUT = Duration.ofMillis(200);
    private static final MessagingProperties SETTINGS = new MessagingProperties(3, (short) 1, -1,
            new MessagingProperties.Consumer(HANDLING_TIMEOUT,
                    new MessagingProperties.Retry(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30),
                            Duration.ofHours(1))));

    private final List<List<BudgetEvent>> projected = new ArrayList<>();

    @Test
    void aBatchThatStoresCompletelyNamesNoRecord() {
        listener(events -> Mono.just(decided(events, Outcome.APPLIED)))
                .onBudgetEvents(records(valueOf(allocated(CODE, 1, 2026, 1_000)), valueOf(spent(CODE, 2, 2026, 10))));

        assertThat(projected).singleElement().asInstanceOf(LIST).hasSize(2);
    }

    @Test
    void programLevelEventsNeverReachTheStore() {
        listener(events -> Mono.just(decided(events, Outcome.APPLIED)))
                .onBudgetEvents(records(valueOf(programCreated(SampleBudgetEvents.PROGRAM, 1))));

        assertThat(projected).singleElement().asInstanceOf(LIST).isEmpty();
    }

    @Test
    void theFirstUnreadableOrRefusedRecordIsNamedAndEveryOtherRecordIsStoredFirst() {
        EventEnvelope<?> refused = spent(CODE, 2, 2026, 10);
        BudgetEventListener listener = listener(events -> Mono.just(events.stream()
                .map(event -> event.eventId().equals(refused.eventId())
                        ? new Decision(event, Outcome.REFUSED, "would overflow")
                        : Decision.of(event, Outcome.APPLIED))
                .toList()));
        List<ConsumerRecord<String, String>> batch = records(valueOf(allocated(CODE, 1, 2026, 1_000)),
                valueOf(refused), new ConsumerRecord<>(Topics.BUDGET_EVENTS, 0, 0L, CODE, "{\"eventId\": "),
                valueOf(spent(CODE, 3, 2026, 10)));

        assertThatThrownBy(() -> listener.onBudgetEvents(batch))
                .asInstanceOf(type(BatchListenerFailedException.class))
                .satisfies(failure -> {
                    assertThat(failure.getIndex()).isEqualTo(1);
                    assertThat(failure.getCause()).isInstanceOf(RejectedBudgetEvent.class)
                            .hasMessage("would overflow");
                });
        assertThat(projected).singleElement().asInstanceOf(LIST).hasSize(3);
    }

    @Test
    void aMessageKeyThatIsNotThePayloadsVillageIsRefused() {
        EventEnvelope<?> allocation = allocated(CODE, 1, 2026, 1_000);
        ConsumerRecord<String, String> misKeyed = new ConsumerRecord<>(Topics.BUDGET_EVENTS, 0, 0L, "73.71.09.1002",
                encode(allocation));
        ConsumerRecord<String, String> unkeyed = new ConsumerRecord<>(Topics.BUDGET_EVENTS, 0, 1L, null,
                encode(allocation));

        for (ConsumerRecord<String, String> record : List.of(misKeyed, unkeyed)) {
            assertThatThrownBy(() -> listener(events -> Mono.just(decided(events, Outcome.APPLIED)))
                    .onBudgetEvents(List.of(record)))
                    .asInstanceOf(type(BatchListenerFailedException.class))
                    .satisfies(failure -> assertThat(failure.getCause()).isInstanceOf(RejectedBudgetEvent.class)
                            .hasMessageContaining("differs from the event's village " + CODE));
        }
    }

    @Test
    void aStoreFailureHoldsTheWholeBatchBackAsRetryable() {
        BudgetEventListener listener = listener(events -> Mono.error(new MongoTimeoutException("no server")));

        assertThatThrownBy(() -> listener.onBudgetEvents(records(valueOf(allocated(CODE, 1, 2026, 1_000)))))
                .asInstanceOf(type(BatchListenerFailedException.class))
                .satisfies(failure -> {
                    assertThat(failure.getIndex()).isZero();
                    assertThat(failure.getCause()).isInstanceOf(MongoTimeoutException.class);
                    assertThat(UnprocessableMessages.isUnprocessable(failure)).isFalse();
                });
    }

    @Test
    void aStoreThatDoesNotAnswerInTimeFailsTheAttempt() {
        BudgetEventListener listener = listener(events -> Mono.never());
        long started = System.nanoTime();

        assertThatThrownBy(() -> listener.onBudgetEvents(records(valueOf(allocated(CODE, 1, 2026, 1_000)))))
                .asInstanceOf(type(BatchListenerFailedException.class))
                .satisfies(failure -> {
                    assertThat(failure.getIndex()).isZero();
                    assertThat(failure.getCause()).isInstanceOf(TimeoutException.class);
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(HANDLING_TIMEOUT.multipliedBy(10));
    }

    private BudgetEventListener listener(Function<List<BudgetEvent>, Mono<List<Decision>>> store) {
        BudgetProjection projection = new BudgetProjection(null, VillageBudget.COLLECTION) {
            @Override
            Mono<List<Decision>> apply(List<BudgetEvent> events) {
                projected.add(events);
                return store.apply(events);
            }
        };
        return new BudgetEventListener(projection, SETTINGS, Traces.none());
    }

    private static List<Decision> decided(List<BudgetEvent> events, Outcome outcome) {
        return events.stream().map(event -> Decision.of(event, outcome)).toList();
    }

    private static ConsumerRecord<String, String> valueOf(EventEnvelope<?> event) {
        return new ConsumerRecord<>(Topics.BUDGET_EVENTS, 0, event.sequence(), event.key(), encode(event));
    }

    @SafeVarargs
    private static List<ConsumerRecord<String, String>> records(ConsumerRecord<String, String>... records) {
        return List.of(records);
    }
}
