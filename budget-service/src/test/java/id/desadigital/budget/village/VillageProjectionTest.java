package id.desadigital.budget.village;

import static id.desadigital.budget.village.SampleVillageEvents.headAssigned;
import static id.desadigital.budget.village.SampleVillageEvents.newVillageCode;
import static id.desadigital.budget.village.SampleVillageEvents.registered;
import static id.desadigital.budget.village.SampleVillageEvents.renamed;
import static id.desadigital.budget.village.SampleVillageEvents.statusChanged;
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

import id.desadigital.budget.BudgetServiceTest;
import id.desadigital.budget.village.VillageProjection.Decision;
import id.desadigital.budget.village.VillageProjection.Outcome;
import id.desadigital.contracts.EventEnvelope;
import id.desadigital.contracts.village.VillageRegistered;
import id.desadigital.platform.testing.MongoStandIn;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The rules the village view follows, applied directly (no broker in between) so each outcome is visible. */
@BudgetServiceTest
class VillageProjectionTest {

    @Autowired
    KnownVillages villages;

    @Autowired
    ReactiveMongoTemplate mongo;

    private VillageProjection projection;

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
        EventEnvelope<VillageRegistered> registration = registered(code, 1);

        StepVerifier.create(applyOne(registration)).expectNext(Outcome.APPLIED).verifyComplete();
        StepVerifier.create(applyOne(registration)).expectNext(Outcome.DUPLICATE).verifyComplete();
        StepVerifier.create(applyOne(statusChanged(code, 3, "INACTIVE"))).expectNext(Outcome.APPLIED).verifyComplete();
        StepVerifier.create(applyOne(statusChanged(code, 2, "ACTIVE"))).expectNext(Outcome.STALE).verifyComplete();
        StepVerifier.create(applyOne(registration)).expectNext(Outcome.STALE).verifyComplete();

        StepVerifier.create(villages.find(code))
                .assertNext(village -> {
                    assertThat(village.status()).isEqualTo(VillageStatus.INACTIVE);
                    assertThat(village.sequence()).isEqualTo(3);
                    assertThat(village.name()).isEqualTo("Kedungbenda");
                })
                .verifyComplete();
    }

    @Test
    void theAreasNamesAreKeptForTheReportsThroughStatusAndHeadChanges() {
        String code = newVillageCode();

        StepVerifier.create(applyOne(registered(code, 1))).expectNext(Outcome.APPLIED).verifyComplete();
        StepVerifier.create(applyOne(statusChanged(code, 2, "INACTIVE"))).expectNext(Outcome.APPLIED).verifyComplete();
        StepVerifier.create(applyOne(headAssigned(code, 3))).expectNext(Outcome.APPLIED).verifyComplete();

        StepVerifier.create(villages.find(code))
                .assertNext(village -> {
                    assertThat(village.districtCode()).isEqualTo("33.03.01");
                    assertThat(village.districtName()).isEqualTo("Kemangkon");
                    assertThat(village.regencyName()).isEqualTo("Kabupaten Purbalingga");
                    assertThat(village.provinceCode()).isEqualTo("33");
                    assertThat(village.provinceName()).isEqualTo("Jawa Tengah");
                    assertThat(village.status()).isEqualTo(VillageStatus.INACTIVE);
                    assertThat(village.sequence()).isEqualTo(3);
                })
                .verifyComplete();
    }

    @Test
    void anotherEventClaimingAnAppliedSequenceIsRefused() {
        String code = newVillageCode();
        StepVerifier.create(applyOne(registered(code, 1))).expectNext(Outcome.APPLIED).verifyComplete();

        StepVerifier.create(apply(statusChanged(code, 1, "INACTIVE")))
                .assertNext(decisions -> {
                    assertThat(decisions).extracting(Decision::outcome).containsExactly(Outcome.REFUSED);
                    assertThat(decisions.get(0).refusal()).contains("sequence 1 was already applied");
                })
                .verifyComplete();
        StepVerifier.create(villages.isActive(code)).expectNext(true).verifyComplete();
    }

    @Test
    void aStatusChangeForAVillageNeverRegisteredHereStillDecidesItsStatus() {
        String code = newVillageCode();

        StepVerifier.create(applyOne(headAssigned(code, 2))).expectNext(Outcome.NOT_TRACKED).verifyComplete();
        StepVerifier.create(villages.find(code)).verifyComplete();
        StepVerifier.create(applyOne(statusChanged(code, 3, "INACTIVE"))).expectNext(Outcome.APPLIED).verifyComplete();

        StepVerifier.create(villages.find(code))
                .assertNext(village -> {
                    assertThat(village.status()).isEqualTo(VillageStatus.INACTIVE);
                    assertThat(village.name()).isNull();
                })
                .verifyComplete();
    }

    @Test
    void aHeadAssignmentMovesTheStreamPositionButNotTheStatus() {
        String code = newVillageCode();
        apply(registered(code, 1)).block();

        StepVerifier.create(applyOne(headAssigned(code, 2))).expectNext(Outcome.APPLIED).verifyComplete();

        StepVerifier.create(villages.find(code))
                .assertNext(village -> {
                    assertThat(village.sequence()).isEqualTo(2);
                    assertThat(village.isActive()).isTrue();
                })
                .verifyComplete();
    }

    @Test
    void aBatchFoldsSeveralEventsOfOneVillageInOrder() {
        String code = newVillageCode();
        EventEnvelope<?> last = headAssigned(code, 4);

        StepVerifier.create(apply(registered(code, 1), statusChanged(code, 2, "INACTIVE"),
                        renamed(code, 3, "Kedungbenda Baru"), last))
                .assertNext(decisions -> assertThat(decisions).extracting(Decision::outcome)
                        .containsOnly(Outcome.APPLIED).hasSize(4))
                .verifyComplete();

        StepVerifier.create(villages.find(code))
                .assertNext(village -> {
                    assertThat(village.name()).isEqualTo("Kedungbenda Baru");
                    assertThat(village.status()).as("the rename carries the status again").isEqualTo(VillageStatus.ACTIVE);
                    assertThat(village.sequence()).isEqualTo(4);
                    assertThat(village.lastEventId()).isEqualTo(last.eventId());
                })
                .verifyComplete();
    }

    @Test
    void aBatchHoldingAVillagesEventsOutOfOrderIgnoresTheOlderOnes() {
        String code = newVillageCode();

        StepVerifier.create(apply(registered(code, 1), statusChanged(code, 3, "INACTIVE"),
                        renamed(code, 2, "Kedungbenda Lama"), headAssigned(code, 4)))
                .assertNext(decisions -> assertThat(decisions).extracting(Decision::outcome)
                        .containsExactly(Outcome.APPLIED, Outcome.APPLIED, Outcome.STALE, Outcome.APPLIED))
                .verifyComplete();

        StepVerifier.create(villages.find(code))
                .assertNext(village -> {
                    assertThat(village.name()).isEqualTo("Kedungbenda");
                    assertThat(village.status()).isEqualTo(VillageStatus.INACTIVE);
                    assertThat(village.sequence()).isEqualTo(4);
                })
                .verifyComplete();
    }

    @Test
    void withinABatchARepeatedEventIsADuplicateAndAnotherClaimingItsSequenceIsRefusedHoldingBackWhatFollowsIt() {
        String code = newVillageCode();
        EventEnvelope<VillageRegistered> registration = registered(code, 1);
        EventEnvelope<?> claimant = statusChanged(code, 1, "INACTIVE");
        EventEnvelope<?> next = statusChanged(code, 2, "INACTIVE");

        StepVerifier.create(apply(registration, registration, claimant, next))
                .assertNext(decisions -> assertThat(decisions).extracting(Decision::outcome)
                        .containsExactly(Outcome.APPLIED, Outcome.DUPLICATE, Outcome.REFUSED, Outcome.HELD))
                .verifyComplete();
        assertStored(code, 1, VillageStatus.ACTIVE);

        // Delivered again after the claimant's dead letter, as the error handler does: the claimant meets the same
        // village (so it is refused again, whichever batch it is in), and what follows it is applied.
        StepVerifier.create(apply(claimant, next))
                .assertNext(decisions -> assertThat(decisions).extracting(Decision::outcome)
                        .containsExactly(Outcome.REFUSED, Outcome.HELD))
                .verifyComplete();
        StepVerifier.create(apply(next))
                .assertNext(decisions -> assertThat(decisions).extracting(Decision::outcome)
                        .containsExactly(Outcome.APPLIED))
                .verifyComplete();
        assertStored(code, 2, VillageStatus.INACTIVE);
    }

    @Test
    void aBatchCostsTheStoreOneReadAndOneWriteOfEachKindWhateverItsSize() {
        List<String> known = codes(30);
        List<String> fresh = codes(30);
        List<EventEnvelope<?>> setup = new ArrayList<>();
        known.forEach(code -> setup.add(registered(code, 1)));
        apply(setup).block();
        List<EventEnvelope<?>> batch = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            batch.add(statusChanged(known.get(i), 2, "INACTIVE"));
            batch.add(registered(fresh.get(i), 1));
            batch.add(headAssigned(known.get(i), 3));
            batch.add(statusChanged(fresh.get(i), 2, "INACTIVE"));
        }
        List<BsonDocument> commands = new CopyOnWriteArrayList<>();

        StepVerifier.create(over(recordingTemplate(commands)).apply(events(batch)))
                .assertNext(decisions -> assertThat(decisions).extracting(Decision::outcome)
                        .containsOnly(Outcome.APPLIED).hasSize(120))
                .verifyComplete();

        assertThat(commands).extracting(VillageProjectionTest::commandName)
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
        StepVerifier.create(villages.find(known.get(7)))
                .assertNext(village -> {
                    assertThat(village.sequence()).isEqualTo(3);
                    assertThat(village.status()).isEqualTo(VillageStatus.INACTIVE);
                    assertThat(village.name()).isEqualTo("Kedungbenda");
                })
                .verifyComplete();
        StepVerifier.create(villages.find(fresh.get(7)))
                .assertNext(village -> assertThat(village.sequence()).isEqualTo(2))
                .verifyComplete();
    }

    @Test
    void aWholeBatchDeliveredAgainChangesNothingAndWritesNothing() {
        List<String> codes = codes(3);
        List<EventEnvelope<?>> batch = List.of(registered(codes.get(0), 1), registered(codes.get(1), 1),
                statusChanged(codes.get(0), 2, "INACTIVE"), registered(codes.get(2), 1),
                renamed(codes.get(1), 2, "Kedungbenda Baru"), headAssigned(codes.get(2), 2));
        apply(batch).block();
        List<KnownVillage> before = stored(codes);
        List<BsonDocument> commands = new CopyOnWriteArrayList<>();

        StepVerifier.create(over(recordingTemplate(commands)).apply(events(batch)))
                .assertNext(decisions -> assertThat(decisions).extracting(Decision::outcome)
                        .containsExactly(Outcome.STALE, Outcome.STALE, Outcome.DUPLICATE, Outcome.STALE,
                                Outcome.DUPLICATE, Outcome.DUPLICATE))
                .verifyComplete();

        assertThat(commands).extracting(VillageProjectionTest::commandName).containsExactly("find");
        assertThat(stored(codes)).isEqualTo(before);
    }

    @Test
    void anInsertThatLostTheRaceIsDecidedAgainOnWhatTheOtherConsumerStored() {
        String code = newVillageCode();
        EventEnvelope<VillageRegistered> registration = registered(code, 1);
        // Another consumer (a second instance, during a rebalance) applies the same registration after our read.
        VillageProjection racing = over(racingTemplate(() -> apply(registration)));

        StepVerifier.create(racing.apply(events(registration, statusChanged(code, 2, "INACTIVE"))))
                .assertNext(decisions -> assertThat(decisions).extracting(Decision::outcome)
                        .containsExactly(Outcome.DUPLICATE, Outcome.APPLIED))
                .verifyComplete();

        assertStored(code, 2, VillageStatus.INACTIVE);
    }

    @Test
    void aCompareAndSetThatLostTheRaceIsDecidedAgainWhileTheBatchsOtherWritesStand() {
        String contested = newVillageCode();
        String quiet = newVillageCode();
        apply(registered(contested, 1), registered(quiet, 1)).block();
        EventEnvelope<?> deactivated = statusChanged(contested, 2, "INACTIVE");
        VillageProjection racing = over(racingTemplate(() -> apply(deactivated)));

        StepVerifier.create(racing.apply(events(deactivated, renamed(quiet, 2, "Kedungbenda Baru"),
                        headAssigned(contested, 3))))
                .assertNext(decisions -> assertThat(decisions).extracting(Decision::outcome)
                        .as("the quiet village's write happened once and stays applied; the contested one finds "
                                + "its first event applied by the other consumer")
                        .containsExactly(Outcome.DUPLICATE, Outcome.APPLIED, Outcome.APPLIED))
                .verifyComplete();

        assertStored(contested, 3, VillageStatus.INACTIVE);
        StepVerifier.create(villages.find(quiet))
                .assertNext(village -> assertThat(village.name()).isEqualTo("Kedungbenda Baru"))
                .verifyComplete();
    }

    @Test
    void eventsOvertakenByAConcurrentWriteBecomeStaleOrRefused() {
        String overtaken = newVillageCode();
        String contradicted = newVillageCode();
        apply(registered(overtaken, 1), registered(contradicted, 1)).block();
        EventEnvelope<?> newer = headAssigned(overtaken, 5);
        EventEnvelope<?> otherSecond = statusChanged(contradicted, 2, "INACTIVE");
        VillageProjection racing = over(racingTemplate(() -> apply(newer, otherSecond)));

        EventEnvelope<?> third = headAssigned(contradicted, 3);
        StepVerifier.create(racing.apply(events(statusChanged(overtaken, 2, "INACTIVE"),
                        renamed(contradicted, 2, "Kedungbenda Baru"), third)))
                .assertNext(decisions -> {
                    assertThat(decisions).extracting(Decision::outcome)
                            .containsExactly(Outcome.STALE, Outcome.REFUSED, Outcome.HELD);
                    assertThat(decisions.get(1).refusal()).contains(otherSecond.eventId());
                })
                .verifyComplete();
        // What the refused event held back comes again once it is dead-lettered.
        StepVerifier.create(apply(third)).expectNextCount(1).verifyComplete();

        StepVerifier.create(villages.find(overtaken))
                .assertNext(village -> {
                    assertThat(village.lastEventId()).isEqualTo(newer.eventId());
                    assertThat(village.isActive()).isTrue();
                })
                .verifyComplete();
        StepVerifier.create(villages.find(contradicted))
                .assertNext(village -> {
                    assertThat(village.sequence()).isEqualTo(3);
                    assertThat(village.name()).isEqualTo("Kedungbenda");
                    assertThat(village.status()).isEqualTo(VillageStatus.INACTIVE);
                })
                .verifyComplete();
    }

    @Test
    void aVillageThatKeepsChangingUnderEveryAttemptFailsTheBatchAfterBoundedRetries() {
        String code = newVillageCode();
        // Between every read and write the village appears or disappears, so no write of ours can ever match.
        AtomicInteger reads = new AtomicInteger();
        VillageProjection racing = over(racingTemplate(() -> {
            reads.incrementAndGet();
            return villages.find(code).hasElement().flatMap(present -> present
                    ? mongo.remove(query(where("_id").is(code)), KnownVillage.class)
                    : apply(registered(code, 1)));
        }));

        StepVerifier.create(racing.apply(events(statusChanged(code, 2, "INACTIVE"))))
                .expectError(VillageProjection.LostRace.class)
                .verify();
        assertThat(reads).hasValue(VillageProjection.MAX_LOST_RACES + 1);
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

    private static List<VillageEvent> events(EventEnvelope<?>... events) {
        return events(Arrays.asList(events));
    }

    private static List<VillageEvent> events(List<EventEnvelope<?>> events) {
        return events.stream().<VillageEvent>map(VillageEvent::from).toList();
    }

    private static List<String> codes(int count) {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            codes.add(newVillageCode());
        }
        return codes;
    }

    private List<KnownVillage> stored(List<String> codes) {
        return Flux.fromIterable(codes).concatMap(villages::find).collectList().block();
    }

    /** The projection of generation 0, the collection the service always had, through {@code template}. */
    private static VillageProjection over(ReactiveMongoTemplate template) {
        return new VillageProjection(template, KnownVillage.COLLECTION);
    }

    /** The service's template over its own client, which records every command sent to known_villages. */
    private ReactiveMongoTemplate recordingTemplate(List<BsonDocument> commands) {
        CommandListener recorder = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                BsonValue collection = event.getCommand().get(event.getCommandName());
                if (collection != null && collection.isString()
                        && collection.asString().getValue().equals(KnownVillage.COLLECTION)) {
                    commands.add(event.getCommand().clone());
                }
            }
        };
        MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(MongoStandIn.uri()))
                .addCommandListener(recorder)
                .build());
        clients.add(client);
        return new ReactiveMongoTemplate(new SimpleReactiveMongoDatabaseFactory(client, databaseName()),
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

    private String databaseName() {
        return mongo.getMongoDatabase().block().getName();
    }

    private static String commandName(BsonDocument command) {
        return command.getFirstKey();
    }

    private static BsonDocument command(List<BsonDocument> commands, String name) {
        return commands.stream().filter(command -> commandName(command).equals(name)).findFirst().orElseThrow();
    }

    private void assertStored(String code, long sequence, VillageStatus status) {
        StepVerifier.create(villages.find(code))
                .assertNext(village -> {
                    assertThat(village.sequence()).isEqualTo(sequence);
                    assertThat(village.status()).isEqualTo(status);
                })
                .verifyComplete();
    }
}
