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
import java.util.List;
import java.util.Map;
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
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import id.desadigital.budget.BudgetServiceTest;
import id.desadigital.contracts.EventEnvelope;
import id.desadigital.contracts.Topics;
import reactor.test.StepVerifier;

/**
 * Village events published on the real topic reach the budget service's village view: registration, status
 * changes, redeliveries, reordering, and messages that cannot be handled.
 */
@BudgetServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VillageFeedTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String DEAD_LETTERS = Topics.deadLetter(Topics.VILLAGE_EVENTS);

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    KnownVillages villages;

    @Autowired
    EmbeddedKafkaBroker broker;

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
