package id.desadigital.village.budget;

import static id.desadigital.village.budget.SampleBudgetEvents.adjusted;
import static id.desadigital.village.budget.SampleBudgetEvents.allocated;
import static id.desadigital.village.budget.SampleBudgetEvents.impostor;
import static id.desadigital.village.budget.SampleBudgetEvents.reversed;
import static id.desadigital.village.budget.SampleBudgetEvents.spent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.SimpleReactiveMongoDatabaseFactory;
import org.springframework.data.mongodb.core.query.Query;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

import id.desadigital.contracts.EventEnvelope;
import id.desadigital.platform.testing.MongoStandIn;
import id.desadigital.village.budget.BudgetProjection.Decision;
import id.desadigital.village.budget.BudgetProjection.Outcome;
import id.desadigital.village.support.VillageServiceTest;
import id.desadigital.village.village.VillageView.BudgetLine;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The rules the budget figures follow, applied directly (no broker in between) so each outcome is visible. Works
 * on codes of regency 73.72, which no village of the registry has.
 */
class BudgetProjectionTest extends VillageServiceTest {

    private static final AtomicInteger NEXT_VILLAGE = new AtomicInteger(2001);

    @Autowired
    ReactiveMongoTemplate mongo;

    private BudgetProjection projection;

    private final List<MongoClient> clients = new ArrayList<>();

    @BeforeEach
    void projection() {
        projection = over(mongo);
    }

    @AfterEach
    void closeClients() {
        clients.forEach(MongoClient::close);
    }

    @Test
    void eachEventIsAppliedOnceAndOlderOnesAreIgnored() {
        String code = newVillageCode();
        EventEnvelope<?> allocation = allocated(code, 1, 2026, 6_000_000);

        StepVerifier.create(applyOne(allocation)).expectNext(Outcome.APPLIED).verifyComplete();
        StepVerifier.create(applyOne(allocation)).expectNext(Outcome.DUPLICATE).verifyComplete();
        StepVerifier.create(applyOne(spent(code, 2, 2026, 2_000_000))).expectNext(Outcome.APPLIED).verifyComplete();
        StepVerifier.create(applyOne(allocation)).expectNext(Outcome.STALE).verifyComplete();

        assertStored(code, 2, new BudgetLine(2026, 6_000_000, 2_000_000));
    }

    @Test
    void anotherEventClaimingAnAppliedSequenceIsRefusedAndChangesNothing() {
        String code = newVillageCode();
        EventEnvelope<?> allocation = allocated(code, 1, 2026, 6_000_000);
        StepVerifier.create(applyOne(allocation)).expectNext(Outcome.APPLIED).verifyComplete();

        StepVerifier.create(apply(impostor(allocation)))
                .assertNext(decisions -> {
                    assertThat(decisions).extracting(Decision::outcome).containsExactly(Outcome.REFUSED);
                    assertThat(decisions.get(0).refusal()).contains("sequence 1 was already applied as event "
                            + allocation.eventId());
                })
                .verifyComplete();
        assertStored(code, 1, new BudgetLine(2026, 6_000_000, 0));
    }

    @Test
    void aSequenceBeyondTheNextIsAppliedAndTheEventsItPassedAreThenStale() {
        String code = newVillageCode();

        StepVerifier.create(apply(allocated(code, 1, 2026, 1_000), spent(code, 4, 2026, 300),
                        adjusted(code, 2, 2026, 500), spent(code, 3, 2026, 100)))
                .assertNext(decisions -> assertThat(decisions).extracting(Decision::outcome)
                        .containsExactly(Outcome.APPLIED, Outcome.APPLIED, Outcome.STALE, Outcome.STALE))
                .verifyComplete();

        assertStored(code, 4, new BudgetLine(2026, 1_000, 300));
    }

    @Test
    void theFirstEventSeenNeedNotBeTheVillagesFirst() {
        String code = newVillageCode();

        StepVerifier.create(applyOne(spent(code, 5, 2026, 700))).expectNext(Outcome.APPLIED).verifyComplete();

        assertStored(code, 5, new BudgetLine(2026, 0, 700));
    }

    @Test
    void anEventThatWouldOverflowAFigureIsRefusedTheFiguresKeptAndTheVillagesLaterEventsHeldForTheRedelivery() {
        String code = newVillageCode();
        VillageBudget nearlyFull = new VillageBudget(code, 1, "seeded", null,
                List.of(new YearFigures(2026, Long.MAX_VALUE - 10, 0)));
        StepVerifier.create(mongo.insert(nearlyFull)).expectNextCount(1).verifyComplete();
        EventEnvelope<?> overflowing = allocated(code, 2, 2026, 11);
        List<EventEnvelope<?>> after = List.of(spent(code, 3, 2026, 11), reversed(code, 4, 2026, 11));

        StepVerifier.create(apply(overflowing, after.get(0), after.get(1)))
                .assertNext(decisions -> {
                    assertThat(decisions).extracting(Decision::outcome)
                            .containsExactly(Outcome.REFUSED, Outcome.HELD, Outcome.HELD);
                    assertThat(decisions.get(0).refusal()).contains("fiscal year 2026 would overflow");
                })
                .verifyComplete();
        assertStored(code, 1, new BudgetLine(2026, Long.MAX_VALUE - 10, 0));

        // Delivered again after the refused event's dead letter, as the error handler does.
        StepVerifier.create(apply(after))
                .assertNext(decisions -> assertThat(decisions).extracting(Decision::outcome)
                        .containsExactly(Outcome.APPLIED, Outcome.APPLIED))
                .verifyComplete();
        assertStored(code, 4, new BudgetLine(2026, Long.MAX_VALUE - 10, 0));
    }

    @Test
    void aBatchFoldsEachVillagesEventsInOrderAndKeepsItsFiscalYearsApart() {
        String code = newVillageCode();
        String other = newVillageCode();

        StepVerifier.create(apply(allocated(code, 1, 2027, 9_000), allocated(other, 1, 2026, 50),
                        allocated(code, 2, 2026, 6_000), spent(code, 3, 2027, 4_000), adjusted(code, 4, 2026, -1_000),
                        reversed(code, 5, 2027, 1_500), spent(other, 2, 2026, 50)))
                .assertNext(decisions -> assertThat(decisions).extracting(Decision::outcome)
                        .containsOnly(Outcome.APPLIED).hasSize(7))
                .verifyComplete();

        assertStored(code, 5, new BudgetLine(2026, 5_000, 0), new BudgetLine(2027, 9_000, 2_500));
        assertStored(other, 2, new BudgetLine(2026, 50, 50));
    }

    @Test
    void aBatchCostsTheStoreOneReadAndOneWriteOfEachKindWhateverItsSize() {
        List<String> known = codes(30);
        List<String> fresh = codes(30);
        List<EventEnvelope<?>> setup = new ArrayList<>();
        known.forEach(code -> setup.add(allocated(code, 1, 2026, 1_000)));
        StepVerifier.create(apply(setup)).expectNextCount(1).verifyComplete();
        List<EventEnvelope<?>> batch = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            batch.add(spent(known.get(i), 2, 2026, 100));
            batch.add(allocated(fresh.get(i), 1, 2026, 2_000));
            batch.add(reversed(known.get(i), 3, 2026, 100));
            batch.add(spent(fresh.get(i), 2, 2026, 500));
        }
        List<BsonDocument> commands = new CopyOnWriteArrayList<>();

        StepVerifier.create(over(recordingTemplate(commands)).apply(events(batch)))
                .assertNext(decisions -> assertThat(decisions).extracting(Decision::outcome)
                        .containsOnly(Outcome.APPLIED).hasSize(120))
                .verifyComplete();

        assertThat(commands).extracting(BsonDocument::getFirstKey)
                .containsExactlyInAnyOrder("find", "insert", "update");
        BsonDocument find = command(commands, "find");
        assertThat(find.getDocument("filter").keySet()).containsExactly("_id");
        assertThat(find.getDocument("filter").getDocument("_id").getArray("$in")).hasSize(60);
        assertThat(command(commands, "insert").getArray("documents")).hasSize(30);
        List<BsonValue> updates = command(commands, "update").getArray("updates");
        assertThat(updates).hasSize(30).allSatisfy(update -> {
            assertThat(update.asDocument().getDocument("q").keySet())
                    .as("all-equality on exactly the fields of the {_id, sequence} index")
                    .containsExactly("_id", "sequence");
            assertThat(update.asDocument().getDocument("q").get("sequence").asNumber().longValue()).isEqualTo(1);
        });
        assertStored(known.get(7), 3, new BudgetLine(2026, 1_000, 0));
        assertStored(fresh.get(7), 2, new BudgetLine(2026, 2_000, 500));
    }

    @Test
    void aWholeBatchDeliveredAgainChangesNothingAndWritesNothing() {
        List<String> codes = codes(2);
        List<EventEnvelope<?>> batch = List.of(allocated(codes.get(0), 1, 2026, 1_000),
                allocated(codes.get(1), 1, 2026, 2_000), spent(codes.get(0), 2, 2026, 400),
                adjusted(codes.get(1), 2, 2026, 300));
        StepVerifier.create(apply(batch)).expectNextCount(1).verifyComplete();
        List<VillageBudget> before = stored(codes);
        List<BsonDocument> commands = new CopyOnWriteArrayList<>();

        StepVerifier.create(over(recordingTemplate(commands)).apply(events(batch)))
                .assertNext(decisions -> assertThat(decisions).extracting(Decision::outcome)
                        .containsExactly(Outcome.STALE, Outcome.STALE, Outcome.DUPLICATE, Outcome.DUPLICATE))
                .verifyComplete();

        assertThat(commands).extracting(BsonDocument::getFirstKey).containsExactly("find");
        assertThat(stored(codes)).isEqualTo(before);
    }

    @Test
    void anInsertThatLostTheRaceIsDecidedAgainOnWhatTheOtherConsumerStored() {
        String code = newVillageCode();
        EventEnvelope<?> allocation = allocated(code, 1, 2026, 1_000);
        // Another consumer (a second instance, during a rebalance) applies the same event after our read.
        BudgetProjection racing = over(racingTemplate(() -> apply(allocation)));

        StepVerifier.create(racing.apply(events(allocation, spent(code, 2, 2026, 250))))
                .assertNext(decisions -> assertThat(decisions).extracting(Decision::outcome)
                        .containsExactly(Outcome.DUPLICATE, Outcome.APPLIED))
                .verifyComplete();

        assertStored(code, 2, new BudgetLine(2026, 1_000, 250));
    }

    @Test
    void aCompareAndSetThatLostTheRaceIsDecidedAgainWhileTheBatchsOtherWritesStand() {
        String contested = newVillageCode();
        String quiet = newVillageCode();
        StepVerifier.create(apply(allocated(contested, 1, 2026, 1_000), allocated(quiet, 1, 2026, 1_000)))
                .expectNextCount(1).verifyComplete();
        EventEnvelope<?> otherSecond = spent(contested, 2, 2026, 100);
        BudgetProjection racing = over(racingTemplate(() -> apply(otherSecond)));

        EventEnvelope<?> third = spent(contested, 3, 2026, 200);
        StepVerifier.create(racing.apply(events(impostor(otherSecond), spent(quiet, 2, 2026, 10), third)))
                .assertNext(decisions -> {
                    assertThat(decisions).extracting(Decision::outcome)
                            .containsExactly(Outcome.REFUSED, Outcome.APPLIED, Outcome.HELD);
                    assertThat(decisions.get(0).refusal()).contains(otherSecond.eventId());
                })
                .verifyComplete();
        assertStored(contested, 2, new BudgetLine(2026, 1_000, 100));

        // What the refused event held back comes again once it is dead-lettered.
        StepVerifier.create(apply(third)).expectNextCount(1).verifyComplete();
        assertStored(contested, 3, new BudgetLine(2026, 1_000, 300));
        assertStored(quiet, 2, new BudgetLine(2026, 1_000, 10));
    }

    @Test
    void figuresThatKeepChangingUnderEveryAttemptFailTheBatchAfterBoundedRetries() {
        String code = newVillageCode();
        // Between every read and write the figures appear or disappear, so no write of ours can ever match.
        AtomicInteger reads = new AtomicInteger();
        BudgetProjection racing = over(racingTemplate(() -> {
            reads.incrementAndGet();
            return mongo.findById(code, VillageBudget.class).hasElement().flatMap(present -> present
                    ? mongo.remove(query(where("_id").is(code)), VillageBudget.class)
                    : apply(allocated(code, 1, 2026, 1_000)));
        }));

        StepVerifier.create(racing.apply(events(spent(code, 2, 2026, 100))))
                .expectError(BudgetProjection.LostRace.class)
                .verify();
        assertThat(reads).hasValue(BudgetProjection.MAX_LOST_RACES + 1);
    }

    static String newVillageCode() {
        return "73.72.01." + NEXT_VILLAGE.getAndIncrement();
    }

    private static List<String> codes(int count) {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            codes.add(newVillageCode());
        }
        return codes;
    }

    private Mono<Outcome> applyOne(EventEnvelope<?> event) {
        return apply(event).map(decisions -> decisions.get(0).outcome());
    }

    private Mono<List<Decision>> apply(EventEnvelope<?>... events) {
        return projection.apply(events(events));
    }

    private Mono<List<Decision>> apply(List<EventEnvelope<?>> events) {
        return projection.apply(events(events));
    }

    private static List<BudgetEvent> events(EventEnvelope<?>... events) {
        return events(Arrays.asList(events));
    }

    private static List<BudgetEvent> events(List<EventEnvelope<?>> events) {
        return events.stream().map(event -> BudgetEvent.from(event).orElseThrow()).toList();
    }

    private void assertStored(String code, long sequence, BudgetLine... lines) {
        StepVerifier.create(mongo.findById(code, VillageBudget.class))
                .assertNext(budget -> {
                    assertThat(budget.sequence()).isEqualTo(sequence);
                    assertThat(budget.lines()).containsExactly(lines);
                })
                .verifyComplete();
    }

    private List<VillageBudget> stored(List<String> codes) {
        return Flux.fromIterable(codes).concatMap(code -> mongo.findById(code, VillageBudget.class)).collectList()
                .block();
    }

    /** The projection of generation 0, the collection the service always had, through {@code template}. */
    private static BudgetProjection over(ReactiveMongoTemplate template) {
        return new BudgetProjection(template, VillageBudget.COLLECTION);
    }

    /** A template over a client of its own, which records every command sent to village_budgets. */
    private ReactiveMongoTemplate recordingTemplate(List<BsonDocument> commands) {
        CommandListener recorder = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                BsonValue collection = event.getCommand().get(event.getCommandName());
                if (collection != null && collection.isString()
                        && collection.asString().getValue().equals(VillageBudget.COLLECTION)) {
                    commands.add(event.getCommand().clone());
                }
            }
        };
        MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(MongoStandIn.uri()))
                .addCommandListener(recorder)
                .build());
        clients.add(client);
        return new ReactiveMongoTemplate(new SimpleReactiveMongoDatabaseFactory(client,
                        mongo.getMongoDatabase().block().getName()),
                mongo.getConverter());
    }

    /** A template whose reads are each followed, before the reader sees them, by another writer's action. */
    private ReactiveMongoTemplate racingTemplate(Supplier<Mono<?>> otherWriter) {
        return new ReactiveMongoTemplate(mongo.getMongoDatabaseFactory(), mongo.getConverter()) {
            @Override
            public <T> Flux<T> find(Query query, Class<T> entityClass, String collectionName) {
                return super.find(query, entityClass, collectionName).collectList()
                        .flatMapMany(found -> otherWriter.get().thenMany(Flux.fromIterable(found)));
            }
        };
    }

    private static BsonDocument command(List<BsonDocument> commands, String name) {
        return commands.stream().filter(command -> command.getFirstKey().equals(name)).findFirst().orElseThrow();
    }
}
