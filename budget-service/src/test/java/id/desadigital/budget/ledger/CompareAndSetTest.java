package id.desadigital.budget.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import com.mongodb.reactivestreams.client.MongoClients;

import id.desadigital.platform.observability.Traces;
import id.desadigital.platform.testing.MongoStandIn;
import id.desadigital.platform.web.ApiProblem;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The compare-and-set writes every ledger change goes through, batched: each write decides on the document as it
 * is, a write that lost its race to another instance decides again, and a refused or failed write takes nothing
 * else in its batch down with it.
 */
class CompareAndSetTest {

    private static final ReactiveMongoTemplate MONGO = new ReactiveMongoTemplate(
            MongoClients.create(MongoStandIn.uri()), "compare-and-set");
    private static final LedgerProperties PROPERTIES = new LedgerProperties(200, Duration.ofSeconds(30), 100, 1000, true);
    private static final LedgerWrites WRITES = new LedgerWrites(new SimpleMeterRegistry());

    private String collection;

    record Counter(@Id String id, long revision, long count, List<LedgerEntry> pending) implements Outboxed {

        @Override
        public long sequence() {
            return 0;
        }

        @Override
        public String chainHash() {
            return null;
        }
    }

    @BeforeEach
    void collection() {
        collection = "counters-" + UUID.randomUUID();
        new OutboxedCollection<>(collection, Counter.class, counter -> Mono.empty()).ensureIndexes(MONGO).block();
    }

    @Test
    void twoInstancesIncrementingOneDocumentLoseNoIncrement() {
        insert("c", 0);
        CompareAndSet first = new CompareAndSet(MONGO, PROPERTIES, Traces.none(), WRITES);
        CompareAndSet second = new CompareAndSet(MONGO, PROPERTIES, Traces.none(), WRITES);
        var seen = ConcurrentHashMap.<Long>newKeySet();

        StepVerifier.create(Flux.range(0, 120)
                        .flatMap(i -> (i % 2 == 0 ? first : second).apply(collection, Counter.class, "c", counter -> {
                            seen.add(counter.count());
                            return new Update().inc("count", 1);
                        }, IllegalStateException::new), 120)
                        .then(MONGO.findById("c", Counter.class, collection)))
                .assertNext(counter -> {
                    assertThat(counter.count()).isEqualTo(120);
                    assertThat(counter.revision()).isEqualTo(120);
                })
                .verifyComplete();
        assertThat(seen).as("every count from 0 to 119 was decided on").hasSize(120);
    }

    @Test
    void aRefusedWriteFailsAloneAndTheOthersInItsBatchStand() {
        for (int i = 0; i < 10; i++) {
            insert("c" + i, i);
        }
        CompareAndSet cas = new CompareAndSet(MONGO, PROPERTIES, Traces.none(), WRITES);

        StepVerifier.create(Flux.range(0, 10)
                        .flatMap(i -> cas.apply(collection, Counter.class, "c" + i, counter -> {
                                    if (counter.count() == 3) {
                                        throw ApiProblem.conflict("three is refused");
                                    }
                                    return new Update().inc("count", 100);
                                }, IllegalStateException::new)
                                .map(counter -> "c" + i + "=" + counter.count())
                                .onErrorResume(ApiProblem.class, refused -> Mono.just("c" + i + " refused")), 10)
                        .collectList())
                .assertNext(outcomes -> assertThat(outcomes).containsExactlyInAnyOrder("c0=100", "c1=101",
                        "c2=102", "c3 refused", "c4=104", "c5=105", "c6=106", "c7=107", "c8=108", "c9=109"))
                .verifyComplete();
        StepVerifier.create(MONGO.findById("c3", Counter.class, collection))
                .assertNext(counter -> assertThat(counter.revision()).isZero())
                .verifyComplete();
    }

    @Test
    void nothingToDoAnswersTheDocumentAsReadAndWritesNothing() {
        insert("c", 7);
        StepVerifier.create(new CompareAndSet(MONGO, PROPERTIES, Traces.none(), WRITES)
                        .apply(collection, Counter.class, "c", counter -> null, IllegalStateException::new))
                .assertNext(counter -> assertThat(counter.revision()).isZero())
                .verifyComplete();
    }

    @Test
    void aMissingDocumentIsTheCallersNotFoundAndCreatesNothing() {
        StepVerifier.create(new CompareAndSet(MONGO, PROPERTIES, Traces.none(), WRITES)
                .apply(collection, Counter.class, "absent",
                        counter -> new Update().inc("count", 1), () -> ApiProblem.notFound("no counter absent")))
                .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("no counter absent"))
                .verify();
        StepVerifier.create(MONGO.count(new org.springframework.data.mongodb.core.query.Query(), collection))
                .expectNext(0L)
                .verifyComplete();
    }

    @Test
    void aWriteThatKeepsLosingItsRaceIsRefusedAsContendedHavingWrittenNothing() {
        insert("c", 0);
        CompareAndSet patient = new CompareAndSet(MONGO, PROPERTIES, Traces.none(), WRITES);
        CompareAndSet unlucky = new CompareAndSet(MONGO, new LedgerProperties(2, Duration.ofSeconds(30), 100, 1000, true),
                Traces.none(), WRITES);
        AtomicInteger decisions = new AtomicInteger();

        // Each time the unlucky write decides, another instance changes the document before it can write.
        StepVerifier.create(unlucky.apply(collection, Counter.class, "c", counter -> {
                    decisions.incrementAndGet();
                    patient.apply(collection, Counter.class, "c", other -> new Update().inc("count", 10),
                            IllegalStateException::new).block();
                    return new Update().inc("count", 1);
                }, IllegalStateException::new))
                .expectError(Contended.class)
                .verify();
        assertThat(decisions).hasValue(2);
        StepVerifier.create(MONGO.findById("c", Counter.class, collection))
                .assertNext(counter -> assertThat(counter.count()).isEqualTo(20))
                .verifyComplete();
    }

    @Test
    void aRepeatedWriteWhoseEntryTheRelayAlreadyMovedToTheLedgerWritesNothing() {
        // The first attempt's spending took effect and was relayed: the ledger has its entry, the document's outbox
        // no longer does, and the relay left the revision as it was.
        String counter = "c-" + UUID.randomUUID();
        insert(counter, 1);
        LedgerEntry first = entry(counter);
        MONGO.insert(first, LedgerEntry.COLLECTION).block();
        CompareAndSet cas = new CompareAndSet(MONGO, PROPERTIES, Traces.none(), WRITES);

        StepVerifier.create(Repeated.write(cas.apply(collection, Counter.class, counter,
                        // As every decision does: an entry still in the document's outbox is not appended again.
                        read -> read.pending().stream().anyMatch(pending -> pending.id().equals(first.id())) ? null
                                : Outboxed.appending(first).inc("count", 1),
                        IllegalStateException::new)))
                .assertNext(read -> assertThat(read.count()).isEqualTo(1))
                .verifyComplete();
        StepVerifier.create(MONGO.findById(counter, Counter.class, collection))
                .assertNext(stored -> {
                    assertThat(stored.count()).as("counted once").isEqualTo(1);
                    assertThat(stored.revision()).isZero();
                    assertThat(stored.pending()).isEmpty();
                })
                .verifyComplete();
    }

    @Test
    void aRepeatedWriteWhoseEntryIsNowhereYetIsWritten() {
        String counter = "c-" + UUID.randomUUID();
        insert(counter, 1);
        LedgerEntry entry = entry(counter);

        StepVerifier.create(Repeated.write(new CompareAndSet(MONGO, PROPERTIES, Traces.none(), WRITES)
                        .apply(collection, Counter.class, counter, read -> Outboxed.appending(entry).inc("count", 1),
                                IllegalStateException::new)))
                .assertNext(written -> {
                    assertThat(written.count()).isEqualTo(2);
                    assertThat(written.pending()).extracting(LedgerEntry::id).containsExactly(entry.id());
                })
                .verifyComplete();
    }

    private static LedgerEntry entry(String key) {
        return new EntryFactory(Clock.systemUTC(), Traces.none()).first(UUID.randomUUID().toString(), "COUNTED",
                "tester", key, "program-x", key, Map.of("by", 1));
    }

    private void insert(String id, long count) {
        MONGO.insert(new Counter(id, 0, count, List.of()), collection).block();
    }
}
