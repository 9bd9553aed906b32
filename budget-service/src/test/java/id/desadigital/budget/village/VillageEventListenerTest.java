package id.desadigital.budget.village;

import static id.desadigital.budget.village.SampleVillageEvents.encode;
import static id.desadigital.budget.village.SampleVillageEvents.newVillageCode;
import static id.desadigital.budget.village.SampleVillageEvents.registered;
import static id.desadigital.budget.village.SampleVillageEvents.statusChanged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;

import com.mongodb.MongoTimeoutException;

import id.desadigital.platform.kafka.MessagingProperties;
import id.desadigital.budget.village.VillageProjection.Decision;
import id.desadigital.budget.village.VillageProjection.Outcome;
import id.desadigital.contracts.EventCodec;
import id.desadigital.contracts.EventEnvelope;
import id.desadigital.contracts.Topics;
import id.desadigital.contracts.village.VillageEvents;
import id.desadigital.platform.observability.Traces;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

/** Which record of a batch the listener names to the error handler, and what it hands to the projection. */
class VillageEventListenerTest {

    private static final MessagingProperties SETTINGS = new MessagingProperties(3, (short) 1, -1,
            new MessagingProperties.Consumer(Duration.ofSeconds(5),
                    new MessagingProperties.Retry(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30),
                            Duration.ofHours(1))));

    private final List<List<VillageEvent>> projected = new ArrayList<>();

    @Test
    void aBatchThatStoresCompletelyNamesNoRecord() {
        String code = newVillageCode();

        listener(events -> Mono.just(decided(events, Outcome.APPLIED)))
                .onVillageEvents(records(valueOf(registered(code, 1)), valueOf(statusChanged(code, 2, "INACTIVE"))));

        assertThat(projected).singleElement().asList().hasSize(2);
    }

    @Test
    void theFirstUnreadableOrRefusedRecordIsNamedAndEveryOtherRecordIsStoredFirst() {
        String code = newVillageCode();
        EventEnvelope<?> impostor = statusChanged(code, 1, "INACTIVE");
        VillageEventListener listener = listener(events -> Mono.just(events.stream()
                .map(event -> event.eventId().equals(impostor.eventId())
                        ? new Decision(event, Outcome.REFUSED, "sequence 1 was already applied")
                        : Decision.of(event, Outcome.APPLIED))
                .toList()));
        List<ConsumerRecord<String, String>> batch = records(
                valueOf(registered(code, 1)),
                valueOf(impostor),
                valueOf(statusChanged(code, 2, "INACTIVE")),
                "{\"eventId\": \"cut off",
                valueOf(statusChanged(code, 3, "ACTIVE")));

        assertThatThrownBy(() -> listener.onVillageEvents(batch))
                .asInstanceOf(type(BatchListenerFailedException.class))
                .satisfies(failure -> {
                    assertThat(failure.getIndex()).isEqualTo(1);
                    assertThat(failure.getCause()).isInstanceOf(RejectedVillageEvent.class)
                            .hasMessageContaining("already applied");
                });
        assertThat(projected).singleElement().asList()
                .as("all readable records, the refused one included (the projection refuses it)").hasSize(4);
    }

    @Test
    void anUnreadableRecordBeforeARefusedOneIsNamedFirst() {
        String code = newVillageCode();
        VillageEventListener listener = listener(events -> Mono.just(decided(events, Outcome.APPLIED)));
        List<ConsumerRecord<String, String>> batch = records(
                valueOf(registered(code, 1)),
                "not json at all",
                valueOf(statusChanged(code, 2, "INACTIVE")));

        assertThatThrownBy(() -> listener.onVillageEvents(batch))
                .asInstanceOf(type(BatchListenerFailedException.class))
                .satisfies(failure -> {
                    assertThat(failure.getIndex()).isEqualTo(1);
                    assertThat(failure.getCause()).isInstanceOf(JacksonException.class);
                });
        assertThat(projected).singleElement().asList().hasSize(2);
    }

    @Test
    void aRecordWhoseKeyIsNotItsVillageIsRefused() {
        String code = newVillageCode();
        VillageEventListener listener = listener(events -> Mono.just(decided(events, Outcome.APPLIED)));
        List<ConsumerRecord<String, String>> batch = List.of(
                new ConsumerRecord<>(Topics.VILLAGE_EVENTS, 0, 0, newVillageCode(), encode(registered(code, 1))));

        assertThatThrownBy(() -> listener.onVillageEvents(batch))
                .asInstanceOf(type(BatchListenerFailedException.class))
                .satisfies(failure -> assertThat(failure.getCause()).hasMessageContaining("differs from the event"));
        assertThat(projected).singleElement().asList().isEmpty();
    }

    @Test
    void whenTheStoreFailsTheWholeBatchIsRetriedFromItsFirstRecord() {
        String code = newVillageCode();
        MongoTimeoutException storeDown = new MongoTimeoutException("Timed out waiting for a server");
        VillageEventListener listener = listener(events -> Mono.error(storeDown));
        List<ConsumerRecord<String, String>> batch = records(
                valueOf(registered(code, 1)), "not json at all", valueOf(statusChanged(code, 2, "INACTIVE")));

        assertThatThrownBy(() -> listener.onVillageEvents(batch))
                .asInstanceOf(type(BatchListenerFailedException.class))
                .satisfies(failure -> {
                    assertThat(failure.getIndex()).isZero();
                    assertThat(failure.getCause()).isSameAs(storeDown);
                });
    }

    private VillageEventListener listener(Function<List<VillageEvent>, Mono<List<Decision>>> behaviour) {
        VillageProjection projection = new VillageProjection(null, KnownVillage.COLLECTION) {
            @Override
            Mono<List<Decision>> apply(List<VillageEvent> events) {
                projected.add(events);
                return behaviour.apply(events);
            }
        };
        EventCodec codec = VillageEvents.codec();
        return new VillageEventListener(codec, projection, SETTINGS, Traces.none());
    }

    private static List<Decision> decided(List<VillageEvent> events, Outcome outcome) {
        return events.stream().map(event -> Decision.of(event, outcome)).toList();
    }

    private static String valueOf(EventEnvelope<?> event) {
        return encode(event);
    }

    /** Records of one partition at consecutive offsets, keyed by the village the test uses. */
    private static List<ConsumerRecord<String, String>> records(String... values) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        String key = null;
        for (String value : values) {
            if (key == null && value.contains("\"key\"")) {
                key = VillageEvents.codec().decode(value).key();
            }
        }
        for (int i = 0; i < values.length; i++) {
            records.add(new ConsumerRecord<>(Topics.VILLAGE_EVENTS, 0, 100 + i, key, values[i]));
        }
        return records;
    }
}
