package id.desadigital.budget.village;

import static id.desadigital.budget.village.SampleVillageEvents.encode;
import static id.desadigital.budget.village.SampleVillageEvents.headAssigned;
import static id.desadigital.budget.village.SampleVillageEvents.registered;
import static id.desadigital.budget.village.SampleVillageEvents.renamed;
import static id.desadigital.budget.village.SampleVillageEvents.statusChanged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import id.desadigital.budget.BudgetServiceTest;
import id.desadigital.contracts.EventEnvelope;
import id.desadigital.contracts.Topics;
import id.desadigital.platform.readmodel.ReadModelFeed;
import id.desadigital.platform.readmodel.ReadModelStatus;
import id.desadigital.platform.testing.HeldListenerContainers;
import id.desadigital.platform.testing.TestTokens;
import id.desadigital.platform.testing.TopicRecords;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rebuilding the budget service's view of villages from village-events' start (docs/operations.md): the rebuilt
 * generation holds exactly what the one it replaces held, events published meanwhile included; allocations and
 * reports meanwhile see the complete view of the generation being replaced; poison messages on the topic are
 * dead-lettered again by the rebuild and skipped. A context of its own (its own database and broker), since a
 * rebuild switches every reader of the context to a new collection; works in district 61.01.01.
 */
@BudgetServiceTest
@Import(HeldListenerContainers.class)
class KnownVillagesRebuildTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String STATE = "/api/budget/read-models/known-villages";
    private static final String DEAD_LETTERS = Topics.deadLetter(Topics.VILLAGE_EVENTS);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** While set, a listener container is created paused: the test holds the rebuild back until it has looked. */

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    KnownVillages villages;

    @Autowired
    ReadModelFeed knownVillages;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    WebTestClient web;

    /** The last event published for each village, which the view must show it at. */
    private final Map<String, EventEnvelope<?>> last = new HashMap<>();
    /** Whether each village is active after the events published so far. */
    private final Map<String, Boolean> active = new HashMap<>();
    private final List<String> poison = new ArrayList<>();

    @DynamicPropertySource
    static void storeOfItsOwn(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.database", () -> "budget-rebuild-test");
        registry.add("desa.read-models.poll-interval", () -> "200ms");
    }

    @Test
    void aRebuildReplaysTheTopicIntoTheSameViewWhileAllocationsAndReportsKeepReadingTheCompleteOne() {
        List<String> codes = codes(1, 10);
        publishHistory(codes);
        awaitViewAsExpected(codes);
        long replaced = state().active().generation();
        long rebuilt = replaced + 1;

        HeldListenerContainers.HOLD.set(true);
        ReadModelStatus asked;
        try {
            asked = web.post().uri(STATE + "/rebuild").header("Authorization", "Bearer " + TestTokens.admin())
                    .exchange()
                    .expectStatus().isAccepted()
                    .expectBody(ReadModelStatus.class).returnResult().getResponseBody();
            await().atMost(PATIENCE).until(() -> knownVillages.container(rebuilt).isPresent());
        } finally {
            HeldListenerContainers.HOLD.set(false);
        }
        assertThat(asked.rebuild().generation()).isEqualTo(rebuilt);
        assertThat(asked.rebuild().consumerGroup()).isEqualTo("budget-service.known-villages." + rebuilt);

        MessageListenerContainer rebuilding = knownVillages.container(rebuilt).orElseThrow();
        assertThat(state().rebuild().behind()).isPositive();
        assertViewAsExpected(codes);
        assertThat(villages.within("61.01.01", KnownVillage.class).collectList().block())
                .extracting(KnownVillage::code).containsExactlyInAnyOrderElementsOf(codes);
        web.post().uri(STATE + "/rebuild").header("Authorization", "Bearer " + TestTokens.admin())
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        List<String> all = new ArrayList<>(codes);
        all.addAll(codes(11, 12));
        for (String code : codes(11, 12)) {
            publish(next(registered(code, 1), true));
        }
        publish(next(statusChanged(codes.get(0), 6, "INACTIVE"), false));
        awaitViewAsExpected(all);

        rebuilding.resume();
        await().atMost(PATIENCE).until(() -> knownVillages.collection().block()
                .equals(knownVillages.model().collection(rebuilt)));

        assertViewAsExpected(all);
        assertThat(stored(rebuilt)).isEqualTo(stored(replaced));
        assertThat(state().retired().generation()).isEqualTo(replaced);
        await().atMost(PATIENCE).until(() -> knownVillages.container(replaced).isEmpty());
        assertEachPoisonMessageDeadLetteredOnceBy(knownVillages.consumerGroup(replaced));
        assertEachPoisonMessageDeadLetteredOnceBy(knownVillages.consumerGroup(rebuilt));
    }

    @Test
    void onlyAnAdministratorSeesOrRebuildsTheView() {
        for (String other : List.of(TestTokens.auditor(), TestTokens.financeOfficer())) {
            web.get().uri(STATE).header("Authorization", "Bearer " + other).exchange()
                    .expectStatus().isForbidden();
            web.post().uri(STATE + "/rebuild").header("Authorization", "Bearer " + other).exchange()
                    .expectStatus().isForbidden();
        }
        web.get().uri(STATE).exchange().expectStatus().isUnauthorized();
    }

    private static List<String> codes(int from, int to) {
        List<String> codes = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            codes.add("61.01.01." + (2000 + i));
        }
        return codes;
    }

    /**
     * Each village registered, renamed, its head assigned, some made inactive and active again, with what a real
     * topic also holds: redeliveries, and one poison message of each kind (not JSON, an unknown type, a missing
     * field, an event claiming a sequence another holds).
     */
    private void publishHistory(List<String> codes) {
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            EventEnvelope<?> registration = next(registered(code, 1), true);
            sent.add(send(code, encode(registration)));
            if (i == 3) {
                // Right behind the event whose sequence it claims: later it would only be stale, and ignored.
                sent.add(sendPoison(code, encode(statusChanged(code, 1, "INACTIVE"))));
            }
            EventEnvelope<?> rename = next(renamed(code, 2, "Desa " + i), true);
            sent.add(send(code, encode(rename)));
            sent.add(send(code, encode(rename)));
            sent.add(send(code, encode(next(statusChanged(code, 3, "INACTIVE"), false))));
            sent.add(send(code, encode(next(headAssigned(code, 4), false))));
            if (i % 3 == 0) {
                sent.add(send(code, encode(next(statusChanged(code, 5, "ACTIVE"), true))));
            }
            if (i == 0) {
                sent.add(sendPoison(code, "{\"eventId\": \"" + code + " cut off"));
            } else if (i == 1) {
                sent.add(sendPoison(code, encode(renamed(code, 9, "X")).replace("VillageUpdated", "VillageAnnexed")));
            } else if (i == 2) {
                ObjectNode nameless = (ObjectNode) JSON.readTree(encode(renamed(code, 9, "X")));
                ((ObjectNode) nameless.get("payload")).remove("name");
                sent.add(sendPoison(code, JSON.writeValueAsString(nameless)));
            }
        }
        sent.forEach(CompletableFuture::join);
    }

    /** {@code event}, after which its village is active or not. */
    private EventEnvelope<?> next(EventEnvelope<?> event, boolean activeAfter) {
        last.put(event.key(), event);
        active.put(event.key(), activeAfter);
        return event;
    }

    private void publish(EventEnvelope<?> event) {
        send(event.key(), encode(event)).join();
    }

    private CompletableFuture<?> send(String key, String value) {
        return kafka.send(Topics.VILLAGE_EVENTS, key, value);
    }

    private CompletableFuture<?> sendPoison(String key, String value) {
        poison.add(value);
        return send(key, value);
    }

    private void awaitViewAsExpected(List<String> codes) {
        await().atMost(PATIENCE).untilAsserted(() -> assertViewAsExpected(codes));
    }

    private void assertViewAsExpected(List<String> codes) {
        for (String code : codes) {
            KnownVillage village = villages.find(code).block();
            assertThat(village).as(code).isNotNull();
            assertThat(village.lastEventId()).as(code).isEqualTo(last.get(code).eventId());
            assertThat(village.sequence()).as(code).isEqualTo(last.get(code).sequence());
            assertThat(village.isActive()).as(code).isEqualTo(active.get(code));
            assertThat(villages.isActive(code).block()).as(code).isEqualTo(active.get(code));
        }
    }

    private ReadModelStatus state() {
        return web.get().uri(STATE).header("Authorization", "Bearer " + TestTokens.admin())
                .exchange()
                .expectStatus().isOk()
                .expectBody(ReadModelStatus.class).returnResult().getResponseBody();
    }

    /** Every document of a generation's collection, by village code. */
    private List<KnownVillage> stored(long generation) {
        return mongo.findAll(KnownVillage.class, knownVillages.model().collection(generation))
                .sort(Comparator.comparing(KnownVillage::code))
                .collectList().block();
    }

    /** The consumer group's dead letters are exactly this test's poison messages, one each. */
    private void assertEachPoisonMessageDeadLetteredOnceBy(String group) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(deadLetters().stream()
                .filter(record -> group.equals(TopicRecords.header(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP)))
                .map(ConsumerRecord::value)
                .filter(poison::contains)
                .toList())
                .containsExactlyInAnyOrderElementsOf(poison));
    }

    private List<ConsumerRecord<String, String>> deadLetters() {
        return TopicRecords.all(broker, DEAD_LETTERS);
    }
}
