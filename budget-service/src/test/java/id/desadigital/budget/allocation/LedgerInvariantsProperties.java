package id.desadigital.budget.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import com.mongodb.reactivestreams.client.MongoClients;

import id.desadigital.budget.ledger.CompareAndSet;
import id.desadigital.budget.ledger.EntryFactory;
import id.desadigital.budget.ledger.EntryRelay;
import id.desadigital.budget.ledger.LedgerEntries;
import id.desadigital.budget.ledger.LedgerEntry;
import id.desadigital.budget.ledger.LedgerProperties;
import id.desadigital.budget.ledger.LedgerWrites;
import id.desadigital.budget.program.FundingSource;
import id.desadigital.budget.program.NewProgram;
import id.desadigital.budget.program.Program;
import id.desadigital.budget.program.Programs;
import id.desadigital.budget.spending.Category;
import id.desadigital.budget.spending.NewSpending;
import id.desadigital.budget.spending.Spendings;
import id.desadigital.budget.village.KnownVillage;
import id.desadigital.budget.village.KnownVillages;
import id.desadigital.budget.village.VillageStatus;
import id.desadigital.contracts.Topics;
import id.desadigital.contracts.budget.BudgetEvents;
import id.desadigital.platform.observability.Traces;
import id.desadigital.platform.security.Caller;
import id.desadigital.platform.security.Role;
import id.desadigital.platform.testing.MongoStandIn;
import id.desadigital.platform.web.ApiProblem;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Random operations (allocations, adjustments both ways, spends, reversals, ceiling revisions) fired at one program
 * in concurrent rounds, with the ledger's invariants checked after every round: the program never allocates past
 * its ceiling and counts exactly what its villages hold; no allocation is overspent or below what is spent; every
 * figure equals the replay of the ledger; each village's chain has no gap; a spending is reversed at most once.
 * Two sets of services share the store, as two budget-service instances would.
 */
class LedgerInvariantsProperties {

    private static final int VILLAGES = 3;
    private static final EmbeddedKafkaKraftBroker KAFKA = new EmbeddedKafkaKraftBroker(1, 1, Topics.BUDGET_EVENTS);
    private static ReactiveMongoTemplate mongo;
    private static List<Instance> instances;

    @BeforeContainer
    static void start() {
        KAFKA.afterPropertiesSet();
        mongo = new ReactiveMongoTemplate(MongoClients.create(MongoStandIn.uri()), "budget-properties");
        KafkaTemplate<String, String> kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBrokersAsString(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer()));
        instances = List.of(new Instance(kafka), new Instance(kafka));
        mongo.indexOps(VillageAccount.COLLECTION); // collections are created on first write
    }

    @AfterContainer
    static void stop() {
        KAFKA.destroy();
    }

    /** One budget-service's worth of services over the shared store and broker. */
    private static final class Instance {

        final Programs programs;
        final Allocations allocations;
        final Spendings spendings;

        Instance(KafkaTemplate<String, String> kafka) {
            LedgerProperties properties = new LedgerProperties(500, Duration.ofSeconds(30), 1000, 1000, true);
            LedgerWrites writes = new LedgerWrites(new SimpleMeterRegistry());
            CompareAndSet cas = new CompareAndSet(mongo, properties, Traces.none(), writes);
            EntryFactory entries = new EntryFactory(Clock.systemUTC(), Traces.none());
            LedgerEntries ledger = new LedgerEntries(mongo);
            EntryRelay relay = new EntryRelay(kafka, mongo, ledger, BudgetEvents.codec());
            programs = new Programs(mongo, cas, entries, relay, Traces.none(), writes);
            Accounts accounts = new Accounts(mongo, cas, relay, programs);
            // No feed runs here: the villages are saved straight into generation 0's collection.
            KnownVillages villages = new KnownVillages(mongo, () -> Mono.just("known_villages"));
            allocations = new Allocations(programs, accounts, ledger, villages, entries, properties);
            spendings = new Spendings(allocations, accounts, ledger, entries);
        }
    }

    sealed interface Operation permits Allocate, Adjust, Spend, Reverse, Revise {
    }

    record Allocate(int village, long amount) implements Operation {
    }

    record Adjust(int village, long delta) implements Operation {
    }

    record Spend(int village, long amount) implements Operation {
    }

    record Reverse(int spending) implements Operation {
    }

    record Revise(long ceiling) implements Operation {
    }

    @Property(tries = 25)
    void noInterleavingBreaksTheRules(@ForAll("rounds") List<List<Operation>> rounds) {
        String program = instances.get(0).programs.create(UUID.randomUUID().toString(),
                new NewProgram(2026, "Properti", 1_000, FundingSource.PBK, "1.4.08"), "finance").block().id();
        List<String> villages = new ArrayList<>();
        for (int i = 0; i < VILLAGES; i++) {
            String code = "88.%02d.%02d.2%03d".formatted(i, (int) (Math.random() * 99), (int) (Math.random() * 999));
            mongo.save(new KnownVillage(code + "", "Desa", code.substring(0, 8), code.substring(0, 5),
                    VillageStatus.ACTIVE, 1, "e", Instant.now())).block();
            villages.add(code);
        }
        Map<String, String> allocationOf = new HashMap<>();
        List<String> spendingIds = new CopyOnWriteArrayList<>();

        int round = 0;
        for (List<Operation> operations : rounds) {
            int r = round++;
            Flux.fromIterable(operations)
                    .index()
                    .flatMap(indexed -> run(instances.get((int) (indexed.getT1() % 2)), indexed.getT2(), program,
                            villages, allocationOf, spendingIds), operations.size())
                    .then()
                    .block(Duration.ofSeconds(60));
            allocationOf.putAll(allocations(program));
            checkInvariants(program, villages, "after round " + r);
        }
    }

    private Mono<Void> run(Instance instance, Operation operation, String program, List<String> villages,
            Map<String, String> allocationOf, List<String> spendingIds) {
        Mono<?> outcome = Mono.empty();
        if (operation instanceof Allocate a) {
            outcome = instance.allocations.allocate(program, UUID.randomUUID().toString(), villages.get(a.village()),
                    a.amount(), null, "finance");
        } else if (operation instanceof Adjust a && allocationOf.containsKey(villages.get(a.village()))) {
            outcome = instance.allocations.adjust(allocationOf.get(villages.get(a.village())),
                    UUID.randomUUID().toString(), a.delta(), "ubah", "finance");
        } else if (operation instanceof Spend s && allocationOf.containsKey(villages.get(s.village()))) {
            outcome = instance.spendings.spend(allocationOf.get(villages.get(s.village())), UUID.randomUUID().toString(),
                            new NewSpending(s.amount(), LocalDate.of(2026, 3, 2), Category.DATA, "Belanja", null, null),
                            new Caller("head", Role.VILLAGE_HEAD, villages.get(s.village())))
                    .doOnNext(view -> spendingIds.add(view.id()));
        } else if (operation instanceof Reverse r && !spendingIds.isEmpty()) {
            outcome = instance.spendings.reverse(spendingIds.get(r.spending() % spendingIds.size()),
                    UUID.randomUUID().toString(), "batal", new Caller("finance", Role.FINANCE_OFFICER, null));
        } else if (operation instanceof Revise r) {
            outcome = instance.programs.revise(program, UUID.randomUUID().toString(), r.ceiling(), "revisi", "finance");
        }
        // A refusal (409 and friends) is an answer, not a failure: the invariants decide whether it was right.
        return outcome.onErrorResume(ApiProblem.class, refused -> Mono.empty()).then();
    }

    private Map<String, String> allocations(String program) {
        Map<String, String> byVillage = new HashMap<>();
        mongo.find(Query.query(Criteria.where("allocations.programId").is(program)), VillageAccount.class)
                .doOnNext(account -> account.allocationIn(program)
                        .ifPresent(allocation -> byVillage.put(account.villageCode(), allocation.id())))
                .blockLast();
        return byVillage;
    }

    private void checkInvariants(String programId, List<String> villages, String when) {
        Program program = mongo.findById(programId, Program.class).block();
        assertThat(program.reservations()).as("reservations left " + when).isEmpty();
        assertThat(program.allocated()).as("allocated within the ceiling " + when).isLessThanOrEqualTo(program.ceiling());
        long held = 0;
        for (String village : villages) {
            VillageAccount account = mongo.findById(village, VillageAccount.class).block();
            if (account == null) {
                continue;
            }
            assertThat(account.pending()).as("entries still pending " + when).isEmpty();
            List<LedgerEntry> chain = mongo.find(Query.query(Criteria.where("key").is(village))
                    .with(org.springframework.data.domain.Sort.by("sequence")), LedgerEntry.class).collectList().block();
            assertThat(chain).extracting(LedgerEntry::sequence).as("gap-free chain of " + village + " " + when)
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, account.sequence()).boxed().toList());
            long replayedAmount = 0;
            long replayedSpent = 0;
            List<String> reversed = new ArrayList<>();
            for (LedgerEntry entry : chain) {
                switch (entry.type()) {
                    case BudgetEvents.FUNDS_ALLOCATED -> replayedAmount += entry.longValue("amount");
                    case BudgetEvents.ALLOCATION_ADJUSTED -> replayedAmount += entry.longValue("delta");
                    case BudgetEvents.SPENDING_RECORDED -> replayedSpent += entry.longValue("amount");
                    case BudgetEvents.SPENDING_REVERSED -> {
                        replayedSpent -= entry.longValue("amount");
                        reversed.add(entry.text("spendingId"));
                    }
                    default -> throw new AssertionError("a program-level entry in a village chain: " + entry.type());
                }
                assertThat(replayedSpent).as("spent never above the allocation along the chain " + when)
                        .isBetween(0L, replayedAmount);
            }
            assertThat(reversed).as("each spending reversed at most once " + when).doesNotHaveDuplicates();
            for (AccountAllocation allocation : account.allocations()) {
                assertThat(allocation.spent()).as("spent within the allocation " + when)
                        .isBetween(0L, allocation.amount());
                assertThat(allocation.amount()).as("amount equals its ledger " + when).isEqualTo(replayedAmount);
                assertThat(allocation.spent()).as("spent equals its ledger " + when).isEqualTo(replayedSpent);
                held += allocation.amount();
            }
        }
        assertThat(program.allocated()).as("the program counts exactly what its villages hold " + when)
                .isEqualTo(held);
    }

    @Provide
    Arbitrary<List<List<Operation>>> rounds() {
        Arbitrary<Integer> village = Arbitraries.integers().between(0, VILLAGES - 1);
        Arbitrary<Long> amount = Arbitraries.longs().between(1, 400);
        Arbitrary<Operation> operation = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, net.jqwik.api.Combinators.combine(village, amount).as(Allocate::new)),
                net.jqwik.api.Tuple.of(2, net.jqwik.api.Combinators.combine(village,
                        Arbitraries.longs().between(-300, 300).filter(d -> d != 0)).as(Adjust::new)),
                net.jqwik.api.Tuple.of(6, net.jqwik.api.Combinators.combine(village, amount).as(Spend::new)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0, 1000).map(Reverse::new)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(200, 1_500).map(Revise::new)));
        return operation.list().ofMinSize(1).ofMaxSize(12).list().ofMinSize(1).ofMaxSize(5);
    }
}
