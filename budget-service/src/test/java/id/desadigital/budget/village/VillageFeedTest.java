package id.desadigital.budget.village;

import static id.desadigital.budget.village.SampleVillageEvents.encode;
import static id.desadigital.budget.village.SampleVillageEvents.headAssigned;
import static id.desadigital.budget.village.SampleVillageEvents.newVillageCode;
import static id.desadigital.budget.village.SampleVillageEvents.registered;
import static id.desadigital.budget.village.SampleVillageEvents.renamed;
import static id.desadigital.budget.village.SampleVillageEvents.statusChanged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import id.desadigital.budget.BudgetServiceTest;
import id.desadigital.contracts.EventEnvelope;
import id.desadigital.contracts.Topics;
import id.desadigital.platform.readmodel.ReadModelFeed;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Village events published on the real topic reach the budget service's village view: registration, status
 * changes, redeliveries, reordering, and messages that cannot be handled, alone and in the middle of a batch.
 */
@BudgetServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VillageFeedTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String DEAD_LETTERS = Topics.deadLetter(Topics.VILLAGE_EVENTS);
    /** How long the dead letters of a test must stay as they are before their count is believed. */
    private static final Duration QUIET = Duration.ofMillis(500);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    KnownVillages villages;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    ReadModelFeed knownVillages;

    private Consumer<String, String> deadLetterReader;
    private final List<ConsumerRecord<String, String>> deadLetters = new CopyOnWriteArrayList<>();

    @BeforeAll
    void readDeadLetters() {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "dead-letter-reader", false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        deadLetterReader = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(), new StringDeserializer())
                .createConsumer();
        deadLetterReader.subscribe(List.of(DEAD_LETTERS));
    }

    @AfterAll
    void closeDeadLetterReader() {
        deadLetterReader.close();
    }

    @Test
    void aRegisteredVillageBecomesKnownAndActive() {
        String code = newVillageCode();

        publish(registered(code, 1));

        awaitVillage(code, village -> {
            assertThat(village.name()).isEqualTo("Kedungbenda");
            assertThat(village.districtCode()).isEqualTo("33.03.01");
            assertThat(village.regencyCode()).isEqualTo("33.03");
            assertThat(village.status()).isEqualTo(VillageStatus.ACTIVE);
            assertThat(village.sequence()).isEqualTo(1);
        });
        StepVerifier.create(villages.isActive(code)).expectNext(true).verifyComplete();
    }

    @Test
    void aStatusChangeMakesTheVillageInactiveAndBackActive() {
        String code = newVillageCode();

        publish(registered(code, 1));
        publish(statusChanged(code, 2, "INACTIVE"));

        awaitVillage(code, village -> assertThat(village.sequence()).isEqualTo(2));
        StepVerifier.create(villages.isActive(code)).expectNext(false).verifyComplete();

        publish(statusChanged(code, 3, "ACTIVE"));

        awaitVillage(code, village -> assertThat(village.sequence()).isEqualTo(3));
        StepVerifier.create(villages.isActive(code)).expectNext(true).verifyComplete();
    }

    @Test
    void aVillageNobodyAnnouncedIsNotActive() {
        StepVerifier.create(villages.isActive(newVillageCode())).expectNext(false).verifyComplete();
        StepVerifier.create(villages.find(newVillageCode())).verifyComplete();
    }

    @Test
    void theSameEventDeliveredTwiceChangesNothing() {
        String code = newVillageCode();
        EventEnvelope<?> deactivated = statusChanged(code, 2, "INACTIVE");

        publish(registered(code, 1));
        publish(deactivated);
        publish(deactivated);
        EventEnvelope<?> marker = headAssigned(code, 3);
        publish(marker);

        // The head assignment comes after the redelivery on the same partition: once it is applied, so was
        // (or was not) the redelivery.
        awaitVillage(code, village -> assertThat(village.lastEventId()).isEqualTo(marker.eventId()));
        StepVerifier.create(villages.find(code))
                .assertNext(village -> {
                    assertThat(village.sequence()).isEqualTo(3);
                    assertThat(village.status()).isEqualTo(VillageStatus.INACTIVE);
                })
                .verifyComplete();
        assertThat(deadLettersFor(code)).isEmpty();
    }

    @Test
    void anOlderEventArrivingLateIsIgnored() {
        String code = newVillageCode();

        publish(registered(code, 1));
        publish(statusChanged(code, 3, "INACTIVE"));
        publish(renamed(code, 2, "Kedungbenda Lama"));
        EventEnvelope<?> marker = headAssigned(code, 4);
        publish(marker);

        awaitVillage(code, village -> assertThat(village.lastEventId()).isEqualTo(marker.eventId()));
        StepVerifier.create(villages.find(code))
                .assertNext(village -> {
                    assertThat(village.name()).isEqualTo("Kedungbenda");
                    assertThat(village.status()).isEqualTo(VillageStatus.INACTIVE);
                })
                .verifyComplete();
        assertThat(deadLettersFor(code)).isEmpty();
    }

    @Test
    void aMalformedMessageIsDeadLetteredAndTheNextOneStillArrives() {
        String code = newVillageCode();

        kafka.send(Topics.VILLAGE_EVENTS, code, "{\"eventId\": \"not even finished").join();
        publish(registered(code, 1));

        awaitVillage(code, village -> assertThat(village.status()).isEqualTo(VillageStatus.ACTIVE));
        ConsumerRecord<String, String> deadLetter = awaitDeadLetter(code);
        assertThat(deadLetter.value()).isEqualTo("{\"eventId\": \"not even finished");
        assertThat(header(deadLetter, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(Topics.VILLAGE_EVENTS);
        assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN)).startsWith("tools.jackson.");
    }

    @Test
    void anEventOfUnknownTypeIsDeadLettered() {
        String code = newVillageCode();
        String unknownType = encode(registered(code, 1)).replace("VillageRegistered", "VillageAnnexed");

        kafka.send(Topics.VILLAGE_EVENTS, code, unknownType).join();

        ConsumerRecord<String, String> deadLetter = awaitDeadLetter(code);
        assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("unknown event type");
        StepVerifier.create(villages.find(code)).verifyComplete();
    }

    @Test
    void anEventBreakingTheContractIsDeadLettered() {
        String code = newVillageCode();
        String badStatus = encode(registered(code, 1)).replace("\"ACTIVE\"", "\"DISSOLVED\"");

        kafka.send(Topics.VILLAGE_EVENTS, code, badStatus).join();
        kafka.send(Topics.VILLAGE_EVENTS, code, encode(registered(newVillageCode(), 1))).join();

        ConsumerRecord<String, String> first = awaitDeadLetter(code);
        assertThat(header(first, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("DISSOLVED");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(deadLettersFor(code)).hasSize(2));
        assertThat(header(deadLettersFor(code).get(1), KafkaHeaders.DLT_EXCEPTION_MESSAGE))
                .contains("differs from the event's village");
        StepVerifier.create(villages.find(code)).verifyComplete();
    }

    @Test
    void anEventMissingAFieldIsDeadLetteredAndTheVillagesNextEventStillArrives() {
        String code = newVillageCode();
        ObjectNode noName = (ObjectNode) JSON.readTree(encode(registered(code, 1)));
        ((ObjectNode) noName.get("payload")).remove("name");
        String nameless = JSON.writeValueAsString(noName);

        kafka.send(Topics.VILLAGE_EVENTS, code, nameless).join();
        publish(registered(code, 1));

        awaitVillage(code, village -> assertThat(village.name()).isEqualTo("Kedungbenda"));
        ConsumerRecord<String, String> deadLetter = awaitDeadLetter(code);
        assertThat(deadLetter.value()).isEqualTo(nameless);
        assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("payload field 'name' is missing");
        assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
                .isEqualTo(RejectedVillageEvent.class.getName());
    }

    @Test
    void severalEventsOfAVillageInOneBatchAreAppliedInOrderAndAnOlderOneAmongThemIgnored() {
        String inOrder = newVillageCode();
        String outOfOrder = newVillageCode();
        EventEnvelope<?> lastInOrder = headAssigned(inOrder, 4);

        publishAsOneBatch(
                valueOf(registered(inOrder, 1)),
                valueOf(registered(outOfOrder, 1)),
                valueOf(statusChanged(inOrder, 2, "INACTIVE")),
                valueOf(statusChanged(outOfOrder, 3, "INACTIVE")),
                valueOf(renamed(inOrder, 3, "Kedungbenda Baru")),
                valueOf(renamed(outOfOrder, 2, "Kedungbenda Lama")),
                valueOf(lastInOrder),
                valueOf(headAssigned(outOfOrder, 4)));

        awaitVillage(inOrder, village -> {
            assertThat(village.lastEventId()).isEqualTo(lastInOrder.eventId());
            assertThat(village.name()).isEqualTo("Kedungbenda Baru");
            assertThat(village.status()).isEqualTo(VillageStatus.ACTIVE);
        });
        awaitVillage(outOfOrder, village -> {
            assertThat(village.sequence()).isEqualTo(4);
            assertThat(village.name()).as("the late rename is older than the status change").isEqualTo("Kedungbenda");
            assertThat(village.status()).isEqualTo(VillageStatus.INACTIVE);
        });
        assertThat(deadLettersFor(inOrder)).isEmpty();
        assertThat(deadLettersFor(outOfOrder)).isEmpty();
    }

    @Test
    void aWholeBatchDeliveredAgainChangesNothing() {
        String renamedOne = newVillageCode();
        String deactivatedOne = newVillageCode();
        List<Message> batch = List.of(
                valueOf(registered(renamedOne, 1)),
                valueOf(registered(deactivatedOne, 1)),
                valueOf(renamed(renamedOne, 2, "Kedungbenda Baru")),
                valueOf(statusChanged(deactivatedOne, 2, "INACTIVE")));
        publishAsOneBatch(batch.toArray(Message[]::new));
        awaitVillage(renamedOne, village -> assertThat(village.sequence()).isEqualTo(2));
        awaitVillage(deactivatedOne, village -> assertThat(village.sequence()).isEqualTo(2));

        List<Message> again = new ArrayList<>(batch);
        // After the redelivered records on each village's partition: once these are applied, so were those.
        EventEnvelope<?> renamedMarker = headAssigned(renamedOne, 3);
        EventEnvelope<?> deactivatedMarker = headAssigned(deactivatedOne, 3);
        again.add(valueOf(renamedMarker));
        again.add(valueOf(deactivatedMarker));
        publishAsOneBatch(again.toArray(Message[]::new));

        awaitVillage(renamedOne, village -> {
            assertThat(village.lastEventId()).isEqualTo(renamedMarker.eventId());
            assertThat(village.name()).isEqualTo("Kedungbenda Baru");
        });
        awaitVillage(deactivatedOne, village -> {
            assertThat(village.lastEventId()).isEqualTo(deactivatedMarker.eventId());
            assertThat(village.status()).isEqualTo(VillageStatus.INACTIVE);
        });
        assertThat(deadLettersFor(renamedOne)).isEmpty();
        assertThat(deadLettersFor(deactivatedOne)).isEmpty();
    }

    @Test
    void poisonRecordsInTheMiddleOfABatchAreDeadLetteredAloneAndTheRecordsAroundThemApplied() {
        String code = newVillageCode();
        String notJson = "{\"eventId\": \"cut off";
        String unknownType = encode(renamed(code, 3, "Kedungbenda Baru")).replace("VillageUpdated", "VillageAnnexed");
        EventEnvelope<?> last = headAssigned(code, 3);

        publishAsOneBatch(
                valueOf(registered(code, 1)),
                new Message(code, notJson),
                valueOf(statusChanged(code, 2, "INACTIVE")),
                new Message(code, unknownType),
                valueOf(last));

        awaitVillage(code, village -> {
            assertThat(village.lastEventId()).isEqualTo(last.eventId());
            assertThat(village.status()).isEqualTo(VillageStatus.INACTIVE);
        });
        await().atMost(PATIENCE).during(QUIET).until(() -> deadLettersFor(code).size() == 2);
        assertThat(deadLettersFor(code)).extracting(ConsumerRecord::value).containsExactly(notJson, unknownType);
        assertThat(header(deadLettersFor(code).get(0), KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
                .startsWith("tools.jackson.");
        assertThat(header(deadLettersFor(code).get(1), KafkaHeaders.DLT_EXCEPTION_MESSAGE))
                .contains("unknown event type");
    }

    @Test
    void anEventClaimingAnAppliedSequenceInTheMiddleOfABatchIsDeadLetteredAloneAndTheRestApplied() {
        String code = newVillageCode();
        EventEnvelope<?> impostor = statusChanged(code, 1, "INACTIVE");
        EventEnvelope<?> last = headAssigned(code, 3);

        publishAsOneBatch(
                valueOf(registered(code, 1)),
                valueOf(impostor),
                valueOf(renamed(code, 2, "Kedungbenda Baru")),
                valueOf(last));

        awaitVillage(code, village -> {
            assertThat(village.lastEventId()).isEqualTo(last.eventId());
            assertThat(village.name()).isEqualTo("Kedungbenda Baru");
            assertThat(village.status()).isEqualTo(VillageStatus.ACTIVE);
        });
        await().atMost(PATIENCE).during(QUIET).until(() -> deadLettersFor(code).size() == 1);
        ConsumerRecord<String, String> deadLetter = deadLettersFor(code).get(0);
        assertThat(deadLetter.value()).isEqualTo(encode(impostor));
        assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_MESSAGE))
                .contains("sequence 1 was already applied");
        assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
                .isEqualTo(RejectedVillageEvent.class.getName());
    }

    @Test
    void everyEventOfABatchClaimingAnAppliedSequenceIsDeadLetteredWhereverTheBatchIsCut() {
        String first = newVillageCode();
        String second = newVillageCode();
        EventEnvelope<?> firstClaimant = statusChanged(first, 1, "INACTIVE");
        EventEnvelope<?> secondClaimant = statusChanged(second, 1, "INACTIVE");
        String notJson = "{\"eventId\": \"" + first + " cut off";

        // Each claimant is followed by its village's next event: applied in the same pass, it would move the
        // village past the claimant, which redelivered after the first dead letter would look merely stale.
        publishAsOneBatch(
                valueOf(registered(first, 1)),
                valueOf(registered(second, 1)),
                new Message(first, notJson),
                valueOf(firstClaimant),
                valueOf(renamed(first, 2, "Kedungbenda Baru")),
                valueOf(secondClaimant),
                valueOf(renamed(second, 2, "Kedungbenda Baru")));

        awaitVillage(first, village -> assertThat(village.sequence()).isEqualTo(2));
        awaitVillage(second, village -> assertThat(village.sequence()).isEqualTo(2));
        await().atMost(PATIENCE).during(QUIET).until(() -> deadLettersFor(first).size() == 2
                && deadLettersFor(second).size() == 1);
        assertThat(deadLettersFor(first)).extracting(ConsumerRecord::value)
                .containsExactly(notJson, encode(firstClaimant));
        assertThat(deadLettersFor(second)).extracting(ConsumerRecord::value).containsExactly(encode(secondClaimant));
    }

    /**
     * Holds the listener back while the messages are published, so that they reach it together: one batch per
     * partition, each village's messages in the order given.
     */
    private void publishAsOneBatch(Message... messages) {
        long active = knownVillages.status().block().active().generation();
        // The feed starts its containers once it has read its state, just after the service has started.
        MessageListenerContainer container = await().atMost(PATIENCE)
                .until(() -> knownVillages.container(active), Optional::isPresent).orElseThrow();
        container.pause();
        try {
            await().atMost(PATIENCE).until(container::isContainerPaused);
            List<CompletableFuture<?>> sent = new ArrayList<>();
            for (Message message : messages) {
                sent.add(kafka.send(Topics.VILLAGE_EVENTS, message.key(), message.value()));
            }
            sent.forEach(CompletableFuture::join);
        } finally {
            container.resume();
        }
    }

    private static Message valueOf(EventEnvelope<?> event) {
        return new Message(event.key(), encode(event));
    }

    /** A message as it travels on village-events. */
    private record Message(String key, String value) {
    }

    private void publish(EventEnvelope<?> event) {
        kafka.send(Topics.VILLAGE_EVENTS, event.key(), encode(event)).join();
    }

    private void awaitVillage(String code, java.util.function.Consumer<KnownVillage> expectation) {
        await().atMost(PATIENCE).untilAsserted(() -> StepVerifier.create(villages.find(code))
                .assertNext(expectation)
                .verifyComplete());
    }

    private ConsumerRecord<String, String> awaitDeadLetter(String key) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(deadLettersFor(key)).isNotEmpty());
        return deadLettersFor(key).get(0);
    }

    private List<ConsumerRecord<String, String>> deadLettersFor(String key) {
        synchronized (deadLetterReader) {
            deadLetterReader.poll(Duration.ofMillis(100)).forEach(deadLetters::add);
        }
        return deadLetters.stream().filter(record -> key.equals(record.key())).toList();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
