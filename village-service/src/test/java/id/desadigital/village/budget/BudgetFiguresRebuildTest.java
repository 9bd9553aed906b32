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

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.context.TestPropertySource;

import id.desadigital.contracts.EventEnvelope;
import id.desadigital.contracts.Topics;
import id.desadigital.platform.readmodel.ReadModelFeed;
import id.desadigital.platform.readmodel.ReadModelFeeds;
import id.desadigital.platform.readmodel.ReadModelStatus;
import id.desadigital.platform.testing.HeldListenerContainers;
import id.desadigital.platform.testing.TestTokens;
import id.desadigital.platform.testing.TopicRecords;
import id.desadigital.village.support.VillageServiceTest;
import id.desadigital.village.village.VillageView;
import id.desadigital.village.village.VillageView.BudgetLine;

/**
 * Rebuilding the budget figures from budget-events' start (docs/operations.md): the rebuilt generation holds exactly
 * what the one it replaces held, events published meanwhile included; reads meanwhile see the complete figures of
 * the generation being replaced; poison messages on the topic are dead-lettered again by the rebuild and skipped;
 * two instances share a rebuild. A context of its own (its own database and broker), since a rebuild switches every
 * reader of the context to a new collection; works in regency 73.73.
 */
@TestPropertySource(properties = {"spring.mongodb.database=village-rebuild", "desa.read-models.poll-interval=200ms"})
@Import(HeldListenerContainers.class)
class BudgetFiguresRebuildTest extends VillageServiceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String STATE = "/api/villages/read-models/budget-figures";
    private static final String HEADER = "code,name,district_code,district_name,regency_code,regency_name,"
            + "province_code,province_name\n";
    private static final int VILLAGES = 10;
    private static final String DEAD_LETTERS = Topics.deadLetter(Topics.BUDGET_EVENTS);
    /** While set, a listener container is created paused: a test holds a rebuild back until it has looked. */

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    ReadModelFeed budgetFigures;

    @Autowired
    ReadModelFeeds feeds;

    @Autowired
    ReactiveMongoTemplate mongo;

    /** What the events published so far make of each village's figures, by fiscal year: {allocated, spent}. */
    private final Map<String, TreeMap<Integer, long[]>> expected = new HashMap<>();
    private final Map<String, Long> sequences = new HashMap<>();
    private final List<String> poison = new ArrayList<>();

    @Test
    void aRebuildReplaysTheTopicIntoFiguresEqualToTheOnesItReplacesWhileReadsKeepShowingTheCompleteFigures() {
        List<String> codes = registerVillages("01");
        publishHistory(codes);
        awaitFiguresAsExpected(codes);
        long replaced = state(TestTokens.admin()).active().generation();
        long rebuilt = replaced + 1;

        HeldListenerContainers.HOLD.set(true);
        ReadModelStatus asked;
        try {
            asked = http.post().uri(STATE + "/rebuild").header("Authorization", "Bearer " + TestTokens.admin())
                    .exchange()
                    .expectStatus().isAccepted()
                    .expectHeader().valueEquals(HttpHeaders.LOCATION, STATE)
                    .expectBody(ReadModelStatus.class).returnResult().getResponseBody();
            await().atMost(PATIENCE).until(() -> budgetFigures.container(rebuilt).isPresent());
        } finally {
            HeldListenerContainers.HOLD.set(false);
        }
        assertThat(asked.active().generation()).isEqualTo(replaced);
        assertThat(asked.rebuild().generation()).isEqualTo(rebuilt);
        assertThat(asked.rebuild().requestedBy()).isEqualTo("admin");
        assertThat(asked.rebuild().consumerGroup()).isEqualTo("village-service.budget-figures." + rebuilt);
        assertThat(asked.rebuild().collection()).isEqualTo("village_budgets_" + rebuilt);

        // The rebuild is under way and held back: reads are the replaced generation's, whole and still live.
        MessageListenerContainer rebuilding = budgetFigures.container(rebuilt).orElseThrow();
        assertThat(rebuilding.isPauseRequested()).isTrue();
        ReadModelStatus meanwhile = state(TestTokens.admin());
        assertThat(meanwhile.active().generation()).isEqualTo(replaced);
        assertThat(meanwhile.rebuild().behind()).isPositive();
        assertFiguresAsExpected(codes);
        http.post().uri(STATE + "/rebuild").header("Authorization", "Bearer " + TestTokens.admin())
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(String.class,
                        detail -> assertThat(detail).contains("generation " + rebuilt + " is under way"));
        List<String> latecomers = registerVillages("02");
        publishEventsDuringTheRebuild(codes, latecomers);
        List<String> all = new ArrayList<>(codes);
        all.addAll(latecomers);
        awaitFiguresAsExpected(all);

        rebuilding.resume();
        awaitSwitchTo(budgetFigures, rebuilt);

        assertFiguresAsExpected(all);
        assertThat(stored(rebuilt)).isEqualTo(stored(replaced));
        ReadModelStatus after = state(TestTokens.admin());
        assertThat(after.rebuild()).isNull();
        assertThat(after.active().since()).isNotNull();
        assertThat(after.retired().generation()).isEqualTo(replaced);
        await().atMost(PATIENCE).until(() -> budgetFigures.container(replaced).isEmpty());
        assertEachPoisonMessageDeadLetteredOnceBy(budgetFigures.consumerGroup(replaced));
        assertEachPoisonMessageDeadLetteredOnceBy(budgetFigures.consumerGroup(rebuilt));
    }

    @Test
    void twoInstancesShareARebuildAndBothReadTheRebuiltFiguresOnceItHasCaughtUp() {
        List<String> codes = registerVillages("03");
        publishHistory(codes);
        awaitFiguresAsExpected(codes);
        ReadModelFeed secondInstance = feeds.feed(budgetFigures.model());
        secondInstance.start();
        try {
            long replaced = state(TestTokens.admin()).active().generation();
            await().atMost(PATIENCE).until(() -> secondInstance.container(replaced).isPresent());

            ReadModelStatus asked = secondInstance.rebuild("operator").block();
            long rebuilt = asked.rebuild().generation();
            for (String code : codes) {
                publish(next(code, Kind.SPENT, 2026, 1_000));
            }
            // Read from whichever generation is active by then: the events published during the rebuild show.
            awaitFiguresAsExpected(codes);

            awaitSwitchTo(budgetFigures, rebuilt);
            awaitSwitchTo(secondInstance, rebuilt);
            await().atMost(PATIENCE).until(() -> budgetFigures.container(replaced).isEmpty()
                    && secondInstance.container(replaced).isEmpty());
            assertFiguresAsExpected(codes);
            assertThat(secondInstance.collection().block()).isEqualTo("village_budgets_" + rebuilt);
            assertThat(state(TestTokens.admin()).rebuild()).isNull();
        } finally {
            secondInstance.stop();
        }
    }

    @Test
    void onlyAnAdministratorSeesOrRebuildsTheFiguresAndAnUnknownReadModelIsNotFound() {
        for (String other : List.of(TestTokens.auditor(), TestTokens.financeOfficer())) {
            http.get().uri(STATE).header("Authorization", "Bearer " + other).exchange()
                    .expectStatus().isForbidden();
            http.post().uri(STATE + "/rebuild").header("Authorization", "Bearer " + other).exchange()
                    .expectStatus().isForbidden();
        }
        http.post().uri(STATE + "/rebuild").exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/villages/read-models/village-names").header("Authorization", "Bearer "
                + TestTokens.admin()).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    /** Villages 73.73.{district}.1001 to 1010 in the registry, so that the API shows their figures. */
    private List<String> registerVillages(String district) {
        StringBuilder csv = new StringBuilder(HEADER);
        List<String> codes = new ArrayList<>();
        for (int i = 1; i <= VILLAGES; i++) {
            String code = "73.73." + district + "." + (1000 + i);
            codes.add(code);
            csv.append(code).append(",Desa ").append(i).append(",73.73.").append(district)
                    .append(",Kecamatan ").append(district).append(",73.73,Kota Parepare,73,Sulawesi Selatan\n");
        }
        importCsv(csv.toString()).expectStatus().isOk();
        return codes;
    }

    /**
     * Each village's budget over two fiscal years (allocations, an adjustment up or down, spending and a reversal),
     * with what a real topic also holds: redeliveries, program-level events, and one poison message of each kind
     * (not JSON, an unknown type, a missing field, an event claiming a sequence another holds).
     */
    private void publishHistory(List<String> codes) {
        String program = UUID.randomUUID().toString();
        List<CompletableFuture<?>> sent = new ArrayList<>();
        sent.add(send(program, encode(programCreated(program, 1))));
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            EventEnvelope<?> allocation = next(code, Kind.ALLOCATED, 2026, 5_000_000 + i * 100_000L);
            sent.add(send(code, encode(allocation)));
            if (i == 3) {
                // Right behind the event whose sequence it claims: later it would only be stale, and ignored.
                String claimant = encode(impostor(allocation));
                poison.add(claimant);
                sent.add(send(code, claimant));
            }
            EventEnvelope<?> spending = next(code, Kind.SPENT, 2026, 1_000_000 + i);
            sent.add(send(code, encode(spending)));
            sent.add(send(code, encode(spending)));
            sent.add(send(code, encode(next(code, Kind.ADJUSTED, 2026, i % 2 == 0 ? -200_000 : 300_000))));
            sent.add(send(code, encode(next(code, Kind.SPENT, 2026, 250_000))));
            sent.add(send(code, encode(next(code, Kind.REVERSED, 2026, 250_000))));
            sent.add(send(code, encode(next(code, Kind.ALLOCATED, 2027, 7_000_000))));
            sent.add(send(code, encode(next(code, Kind.SPENT, 2027, 123_456 * (i + 1)))));
            if (i < 3) {
                String message = switch (i) {
                    case 0 -> "{\"eventId\": \"" + code + " cut off";
                    case 1 -> encode(spent(code, 99, 2026, 1)).replace("SPENDING_RECORDED", "FUNDS_EMBEZZLED");
                    default -> BudgetFeedTest.without(encode(spent(code, 99, 2026, 1)), "payload", "villageCode");
                };
                poison.add(message);
                sent.add(send(code, message));
            }
        }
        sent.add(send(program, encode(programClosed(program, 2))));
        sent.forEach(CompletableFuture::join);
    }

    /** New spending in known villages and the first allocations of villages registered meanwhile. */
    private void publishEventsDuringTheRebuild(List<String> codes, List<String> latecomers) {
        for (String code : codes) {
            publish(next(code, Kind.SPENT, 2027, 10_000));
        }
        for (String code : latecomers) {
            publish(next(code, Kind.ALLOCATED, 2027, 2_000_000));
        }
    }

    private enum Kind {
        ALLOCATED, ADJUSTED, SPENT, REVERSED
    }

    /** The village's next event, counted in what its figures should be. */
    private EventEnvelope<?> next(String code, Kind kind, int fiscalYear, long amount) {
        long sequence = sequences.merge(code, 1L, Long::sum);
        long[] figures = expected.computeIfAbsent(code, c -> new TreeMap<>())
                .computeIfAbsent(fiscalYear, year -> new long[2]);
        return switch (kind) {
            case ALLOCATED -> {
                figures[0] += amount;
                yield allocated(code, sequence, fiscalYear, amount);
            }
            case ADJUSTED -> {
                figures[0] += amount;
                yield adjusted(code, sequence, fiscalYear, amount);
            }
            case SPENT -> {
                figures[1] += amount;
                yield spent(code, sequence, fiscalYear, amount);
            }
            case REVERSED -> {
                figures[1] -= amount;
                yield reversed(code, sequence, fiscalYear, amount);
            }
        };
    }

    private void publish(EventEnvelope<?> event) {
        send(event.key(), encode(event)).join();
    }

    private CompletableFuture<?> send(String key, String value) {
        return kafka.send(Topics.BUDGET_EVENTS, key, value);
    }

    private List<BudgetLine> expectedOf(String code) {
        return expected.getOrDefault(code, new TreeMap<>()).entrySet().stream()
                .map(year -> new BudgetLine(year.getKey(), year.getValue()[0], year.getValue()[1]))
                .toList();
    }

    private List<BudgetLine> budgetOf(String code) {
        return http.get().uri("/api/villages/" + code).header("Authorization", "Bearer " + TestTokens.auditor())
                .exchange()
                .expectStatus().isOk()
                .expectBody(VillageView.class).returnResult().getResponseBody().budget();
    }

    private void awaitFiguresAsExpected(List<String> codes) {
        await().atMost(PATIENCE).untilAsserted(() -> assertFiguresAsExpected(codes));
    }

    private void assertFiguresAsExpected(List<String> codes) {
        for (String code : codes) {
            assertThat(budgetOf(code)).as(code).isEqualTo(expectedOf(code));
        }
    }

    private ReadModelStatus state(String token) {
        return http.get().uri(STATE).header("Authorization", "Bearer " + token)
                .exchange()
                .expectStatus().isOk()
                .expectBody(ReadModelStatus.class).returnResult().getResponseBody();
    }

    private static void awaitSwitchTo(ReadModelFeed feed, long generation) {
        await().atMost(PATIENCE).until(() -> feed.collection().block().equals(feed.model().collection(generation)));
    }

    /** Every document of a generation's collection, by village code. */
    private List<VillageBudget> stored(long generation) {
        return mongo.findAll(VillageBudget.class, budgetFigures.model().collection(generation))
                .sort(Comparator.comparing(VillageBudget::code))
                .collectList().block();
    }

    /**
     * The consumer group's dead letters are exactly this test's poison messages, one each, each still naming where
     * on budget-events it came from.
     */
    private void assertEachPoisonMessageDeadLetteredOnceBy(String group) {
        await().atMost(PATIENCE).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> dead = deadLetters().stream()
                    .filter(record -> group.equals(TopicRecords.header(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP)))
                    .filter(record -> poison.contains(record.value()))
                    .toList();
            assertThat(dead).extracting(ConsumerRecord::value).containsExactlyInAnyOrderElementsOf(poison);
            assertThat(dead).allSatisfy(record -> assertThat(TopicRecords.header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC))
                    .isEqualTo(Topics.BUDGET_EVENTS));
        });
    }

    private List<ConsumerRecord<String, String>> deadLetters() {
        return TopicRecords.all(broker, DEAD_LETTERS);
    }
}
