package id.desadigital.village.budget;

import static id.desadigital.village.budget.SampleBudgetEvents.adjusted;
import static id.desadigital.village.budget.SampleBudgetEvents.allocated;
import static id.desadigital.village.budget.SampleBudgetEvents.encode;
import static id.desadigital.village.budget.SampleBudgetEvents.impostor;
import static id.desadigital.village.budget.SampleBudgetEvents.programClosed;
import static id.desadigital.village.budget.SampleBudgetEvents.programCreated;
import static id.desadigital.village.budget.SampleBudgetEvents.reversed;
import static id.desadigital.village.budget.SampleBudgetEvents.spent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import id.desadigital.contracts.EventEnvelope;
import id.desadigital.contracts.Topics;
import id.desadigital.platform.readmodel.ReadModelFeed;
import id.desadigital.platform.testing.TestTokens;
import id.desadigital.platform.web.PageOf;
import id.desadigital.village.support.VillageServiceTest;
import id.desadigital.village.village.VillageView;
import id.desadigital.village.village.VillageView.BudgetLine;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import reactor.test.StepVerifier;

/**
 * Budget events published on the real topic reach the villages' budget figures as the API shows them: each entry
 * type, redeliveries, fiscal years, program-level events, and messages that cannot be handled. Works in regency
 * 73.71 (Kota Makassar), one village per test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BudgetFeedTest extends VillageServiceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** How long the dead letters of a test must stay as they are before their count is believed. */
    private static final Duration QUIET = Duration.ofMillis(500);
    private static final String DEAD_LETTERS = Topics.deadLetter(Topics.BUDGET_EVENTS);
    private static final String HEADER = "code,name,district_code,district_name,regency_code,regency_name,"
            + "province_code,province_name\n";
    private static final String MAKASSAR = HEADER
            + "73.71.01.1001,Bontorannu,73.71.01,Mariso,73.71,Kota Makassar,73,Sulawesi Selatan\n"
            + "73.71.01.1002,Kampung Buyang,73.71.01,Mariso,73.71,Kota Makassar,73,Sulawesi Selatan\n"
            + "73.71.01.1003,Lette,73.71.01,Mariso,73.71,Kota Makassar,73,Sulawesi Selatan\n"
            + "73.71.01.1004,Mario,73.71.01,Mariso,73.71,Kota Makassar,73,Sulawesi Selatan\n"
            + "73.71.01.1005,Mattoanging,73.71.01,Mariso,73.71,Kota Makassar,73,Sulawesi Selatan\n"
            + "73.71.01.1006,Panambungan,73.71.01,Mariso,73.71,Kota Makassar,73,Sulawesi Selatan\n"
            + "73.71.01.1007,Tamarunang,73.71.01,Mariso,73.71,Kota Makassar,73,Sulawesi Selatan\n"
            + "73.71.01.1008,Mariso,73.71.01,Mariso,73.71,Kota Makassar,73,Sulawesi Selatan\n"
            + "73.71.01.1009,Kunjung Mae,73.71.01,Mariso,73.71,Kota Makassar,73,Sulawesi Selatan\n"
            + "73.71.03.1001,Baru,73.71.03,Ujung Pandang,73.71,Kota Makassar,73,Sulawesi Selatan\n"
            + "73.71.03.1002,Bulogading,73.71.03,Ujung Pandang,73.71,Kota Makassar,73,Sulawesi Selatan\n";
    /** Registered only by the test that shows figures arriving before their village. */
    private static final String LATECOMER = "73.71.02.1001";

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    ReadModelFeed budgetFigures;

    @Autowired
    ReactiveMongoTemplate mongo;

    private Consumer<String, String> deadLetterReader;
    private final List<ConsumerRecord<String, String>> deadLetters = new CopyOnWriteArrayList<>();

    @BeforeAll
    void readDeadLetters() {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "test-" + UUID.randomUUID(), false);
        deadLetterReader = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = deadLetterReader.partitionsFor(DEAD_LETTERS).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        deadLetterReader.assign(partitions);
        deadLetterReader.seekToBeginning(partitions);
    }

    @AfterAll
    void closeDeadLetterReader() {
        deadLetterReader.close();
    }

    @BeforeEach
    void registry() {
        importCsv(MAKASSAR).expectStatus().isOk();
    }

    @Test
    void anAllocationPublishedOnBudgetEventsShowsInTheVillagesBudgetAndAnAdjustmentMovesIt() {
        String code = "73.71.01.1001";

        publish(allocated(code, 1, 2026, 6_000_000));

        awaitBudget(code, new BudgetLine(2026, 6_000_000, 0));

        publish(adjusted(code, 2, 2026, -500_000));

        awaitBudget(code, new BudgetLine(2026, 5_500_000, 0));
        assertNoDeadLetterFor(code);
    }

    @Test
    void aReversalSubtractsWhatItsSpendingAdded() {
        String code = "73.71.01.1002";
        publish(allocated(code, 1, 2026, 6_000_000));
        publish(spent(code, 2, 2026, 2_350_000));
        publish(spent(code, 3, 2026, 1_000_000));
        awaitBudget(code, new BudgetLine(2026, 6_000_000, 3_350_000));

        publish(reversed(code, 4, 2026, 2_350_000));

        awaitBudget(code, new BudgetLine(2026, 6_000_000, 1_000_000));
    }

    @Test
    void theSameEventsDeliveredAgainChangeNothing() {
        String code = "73.71.01.1003";
        List<EventEnvelope<?>> batch = List.of(allocated(code, 1, 2026, 6_000_000), spent(code, 2, 2026, 2_000_000));
        publishAsOneBatch(valuesOf(batch));
        awaitBudget(code, new BudgetLine(2026, 6_000_000, 2_000_000));

        List<EventEnvelope<?>> again = new ArrayList<>(batch);
        again.add(batch.get(1));
        // After the redelivered records on the village's partition: once it shows, they were handled.
        again.add(adjusted(code, 3, 2026, 1_000_000));
        publishAsOneBatch(valuesOf(again));
        publish(batch.get(0));
        publish(spent(code, 4, 2026, 500_000));

        awaitBudget(code, new BudgetLine(2026, 7_000_000, 2_500_000));
        assertNoDeadLetterFor(code);
    }

    @Test
    void figuresOfTwoFiscalYearsStaySeparateInFiscalYearOrder() {
        String code = "73.71.01.1004";

        publish(allocated(code, 1, 2027, 9_000_000));
        publish(allocated(code, 2, 2026, 6_000_000));
        publish(spent(code, 3, 2027, 4_000_000));
        publish(adjusted(code, 4, 2026, 250_000));

        awaitBudget(code, new BudgetLine(2026, 6_250_000, 0), new BudgetLine(2027, 9_000_000, 4_000_000));
    }

    @Test
    void programLevelEventsAreReadAndIgnored() {
        String code = "73.71.01.1005";
        String programId = UUID.randomUUID().toString();
        // One partition for all, so that once the village's event shows, the program's events were read before it.
        int partition = 0;

        publish(partition, programCreated(programId, 1));
        publish(partition, programClosed(programId, 2));
        publish(partition, allocated(code, 1, 2026, 6_000_000));

        awaitBudget(code, new BudgetLine(2026, 6_000_000, 0));
        StepVerifier.create(stored(programId)).verifyComplete();
        assertNoDeadLetterFor(programId);
    }

    @Test
    void poisonRecordsAreDeadLetteredAloneAndTheNextRecordOfTheirBatchIsStillApplied() {
        String code = "73.71.01.1006";
        String notJson = "{\"eventId\": \"cut off";
        String otherVillage = encode(SampleBudgetEvents.keyedBy(code, allocated("73.71.01.1008", 2, 2026, 1)));

        publishAsOneBatch(List.of(
                valueOf(allocated(code, 1, 2026, 6_000_000)),
                new Message(code, notJson),
                new Message(code, otherVillage),
                valueOf(spent(code, 2, 2026, 1_500_000))));

        awaitBudget(code, new BudgetLine(2026, 6_000_000, 1_500_000));
        await().atMost(PATIENCE).during(QUIET).until(() -> deadLettersFor(code).size() == 2);
        List<ConsumerRecord<String, String>> dead = deadLettersFor(code);
        assertThat(dead).extracting(ConsumerRecord::value).containsExactly(notJson, otherVillage);
        assertThat(header(dead.get(0), KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(Topics.BUDGET_EVENTS);
        assertThat(header(dead.get(0), KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN)).startsWith("tools.jackson.");
        assertThat(header(dead.get(1), KafkaHeaders.DLT_EXCEPTION_MESSAGE))
                .contains("differs from the payload's village code 73.71.01.1008");
    }

    @Test
    void anEventOfAnUnknownTypeOrMissingAFieldIsDeadLetteredAndTheVillagesNextEventStillApplied() {
        String code = "73.71.01.1008";
        String unknownType = encode(spent(code, 2, 2026, 1)).replace("SPENDING_RECORDED", "FUNDS_EMBEZZLED");
        String noEventId = without(encode(spent(code, 2, 2026, 2)), "eventId");
        String noVillage = without(encode(spent(code, 2, 2026, 3)), "payload", "villageCode");

        // One message at a time: each poison message is a batch of its own, then the good one after them.
        publish(allocated(code, 1, 2026, 6_000_000));
        for (String poison : List.of(unknownType, noEventId, noVillage)) {
            kafka.send(Topics.BUDGET_EVENTS, code, poison).join();
        }
        publish(spent(code, 2, 2026, 750_000));

        awaitBudget(code, new BudgetLine(2026, 6_000_000, 750_000));
        await().atMost(PATIENCE).during(QUIET).until(() -> deadLettersFor(code).size() == 3);
        List<ConsumerRecord<String, String>> dead = deadLettersFor(code);
        assertThat(dead).extracting(ConsumerRecord::value).containsExactly(unknownType, noEventId, noVillage);
        assertThat(dead).extracting(record -> header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).satisfiesExactly(
                message -> assertThat(message).contains("unknown event type FUNDS_EMBEZZLED"),
                message -> assertThat(message).contains("'eventId' is missing"),
                message -> assertThat(message).contains("'villageCode' is 'null'"));
    }

    @Test
    void anEventClaimingAnAppliedSequenceIsDeadLetteredAndTheRestOfItsBatchApplied() {
        String code = "73.71.01.1007";
        EventEnvelope<?> allocation = allocated(code, 1, 2026, 6_000_000);
        EventEnvelope<?> claimant = impostor(allocated(code, 1, 2026, 9_999_999));

        publishAsOneBatch(valuesOf(List.of(allocation, claimant, spent(code, 2, 2026, 1_000_000))));

        awaitBudget(code, new BudgetLine(2026, 6_000_000, 1_000_000));
        await().atMost(PATIENCE).during(QUIET).until(() -> deadLettersFor(code).size() == 1);
        ConsumerRecord<String, String> deadLetter = deadLettersFor(code).get(0);
        assertThat(deadLetter.value()).isEqualTo(encode(claimant));
        assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_MESSAGE))
                .contains("sequence 1 was already applied as event " + allocation.eventId());
        assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
                .isEqualTo(RejectedBudgetEvent.class.getName());
    }

    @Test
    void everyEventOfABatchClaimingAnAppliedSequenceIsDeadLetteredWhereverTheBatchIsCut() {
        String first = "73.71.04.1001";
        String second = "73.71.04.1002";
        EventEnvelope<?> firstAllocation = allocated(first, 1, 2026, 1_000);
        EventEnvelope<?> secondAllocation = allocated(second, 1, 2026, 2_000);
        String notJson = "{\"eventId\": \"" + first + " cut off";
        EventEnvelope<?> firstClaimant = impostor(firstAllocation);
        EventEnvelope<?> secondClaimant = impostor(secondAllocation);

        // Each claimant is followed by its village's next event: applied in the same pass, it would move the
        // village past the claimant, which redelivered after the first dead letter would look merely stale.
        publishAsOneBatch(List.of(valueOf(firstAllocation), valueOf(secondAllocation), new Message(first, notJson),
                valueOf(firstClaimant), valueOf(spent(first, 2, 2026, 100)),
                valueOf(secondClaimant), valueOf(spent(second, 2, 2026, 200))));

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(stored(first).map(VillageBudget::lines).block())
                    .isEqualTo(List.of(new BudgetLine(2026, 1_000, 100)));
            assertThat(stored(second).map(VillageBudget::lines).block())
                    .isEqualTo(List.of(new BudgetLine(2026, 2_000, 200)));
        });
        await().atMost(PATIENCE).during(QUIET).until(() -> deadLettersFor(first).size() == 2
                && deadLettersFor(second).size() == 1);
        assertThat(deadLettersFor(first)).extracting(ConsumerRecord::value)
                .containsExactly(notJson, encode(firstClaimant));
        assertThat(deadLettersFor(second)).extracting(ConsumerRecord::value).containsExactly(encode(secondClaimant));
    }

    @Test
    void figuresForAVillageNotYetRegisteredAreKeptAndShownOnceItIs() {
        publish(allocated(LATECOMER, 1, 2026, 3_000_000));
        await().atMost(PATIENCE).untilAsserted(() -> StepVerifier.create(stored(LATECOMER))
                .expectNextCount(1).verifyComplete());
        get("/api/villages/" + LATECOMER).exchange().expectStatus().isNotFound();

        importCsv(HEADER
                + LATECOMER + ",Bunga Ejaya,73.71.02,Mamajang,73.71,Kota Makassar,73,Sulawesi Selatan\n")
                .expectStatus().isOk();

        assertThat(budgetOf(LATECOMER)).containsExactly(new BudgetLine(2026, 3_000_000, 0));
    }

    @Test
    void theVillageListShowsEachVillagesFigures() {
        publish(allocated("73.71.03.1002", 1, 2026, 4_000_000));
        awaitBudget("73.71.03.1002", new BudgetLine(2026, 4_000_000, 0));

        PageOf<VillageView> page = get("/api/villages?districtCode=73.71.03").exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<PageOf<VillageView>>() { })
                .returnResult().getResponseBody();

        assertThat(page.items()).extracting(VillageView::code).containsExactly("73.71.03.1001", "73.71.03.1002");
        assertThat(page.items().get(0).budget()).isEmpty();
        assertThat(page.items().get(1).budget()).containsExactly(new BudgetLine(2026, 4_000_000, 0));
    }

    @Test
    void anAdministratorsChangeIsAnsweredWithTheVillagesFigures() {
        String code = "73.71.01.1009";
        publish(allocated(code, 1, 2026, 2_500_000));
        awaitBudget(code, new BudgetLine(2026, 2_500_000, 0));

        VillageView changed = http.put().uri("/api/villages/" + code + "/head")
                .header("Authorization", "Bearer " + TestTokens.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Andi Baso", "since", "2026-02-01"))
                .exchange()
                .expectStatus().isOk()
                .expectBody(VillageView.class).returnResult().getResponseBody();

        assertThat(changed.head().name()).isEqualTo("Andi Baso");
        assertThat(changed.budget()).containsExactly(new BudgetLine(2026, 2_500_000, 0));
    }

    /** The figures stored for {@code key}, in the generation reads are served from. */
    private Mono<VillageBudget> stored(String key) {
        return budgetFigures.collection().flatMap(collection -> mongo.findById(key, VillageBudget.class, collection));
    }

    private List<BudgetLine> budgetOf(String code) {
        return get("/api/villages/" + code).exchange()
                .expectStatus().isOk()
                .expectBody(VillageView.class).returnResult().getResponseBody().budget();
    }

    private void awaitBudget(String code, BudgetLine... expected) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(budgetOf(code)).containsExactly(expected));
    }

    private void publish(EventEnvelope<?> event) {
        kafka.send(Topics.BUDGET_EVENTS, event.key(), encode(event)).join();
    }

    private void publish(int partition, EventEnvelope<?> event) {
        kafka.send(Topics.BUDGET_EVENTS, partition, event.key(), encode(event)).join();
    }

    /**
     * Holds the listener back while the messages are published, so that they reach it together: one batch per
     * partition, each key's messages in the order given.
     */
    private void publishAsOneBatch(List<Message> messages) {
        long active = budgetFigures.status().block().active().generation();
        // The feed starts its containers once it has read its state, just after the service has started.
        MessageListenerContainer container = await().atMost(PATIENCE)
                .until(() -> budgetFigures.container(active), Optional::isPresent).orElseThrow();
        container.pause();
        try {
            await().atMost(PATIENCE).until(container::isContainerPaused);
            List<CompletableFuture<?>> sent = new ArrayList<>();
            for (Message message : messages) {
                sent.add(kafka.send(Topics.BUDGET_EVENTS, message.key(), message.value()));
            }
            sent.forEach(CompletableFuture::join);
        } finally {
            container.resume();
        }
    }

    private static Message valueOf(EventEnvelope<?> event) {
        return new Message(event.key(), encode(event));
    }

    private static List<Message> valuesOf(List<EventEnvelope<?>> events) {
        return events.stream().map(BudgetFeedTest::valueOf).toList();
    }

    /** A message as it travels on budget-events. */
    private record Message(String key, String value) {
    }

    private List<ConsumerRecord<String, String>> deadLettersFor(String key) {
        synchronized (deadLetterReader) {
            deadLetterReader.poll(Duration.ofMillis(100)).forEach(deadLetters::add);
        }
        return deadLetters.stream().filter(record -> key.equals(record.key())).toList();
    }

    /** Polls for a while rather than once: the reader may not have fetched a dead letter that is already stored. */
    private void assertNoDeadLetterFor(String key) {
        await().atMost(QUIET.plusSeconds(1)).during(QUIET).until(() -> deadLettersFor(key).isEmpty());
    }

    /** {@code json} without the field at {@code path} (an envelope field, or {@code "payload", name}). */
    static String without(String json, String... path) {
        JsonMapper mapper = JsonMapper.builder().build();
        ObjectNode root = (ObjectNode) mapper.readTree(json);
        ObjectNode parent = root;
        for (int i = 0; i < path.length - 1; i++) {
            parent = (ObjectNode) parent.get(path[i]);
        }
        parent.remove(path[path.length - 1]);
        return mapper.writeValueAsString(root);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
