package id.desadigital.budget.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.web.reactive.server.WebTestClient;

import id.desadigital.budget.BudgetServiceTest;
import id.desadigital.budget.allocation.VillageAccount;
import id.desadigital.contracts.EventCodec;
import id.desadigital.contracts.EventEnvelope;
import id.desadigital.contracts.Topics;
import id.desadigital.contracts.budget.BudgetEvents;
import id.desadigital.contracts.budget.SpendingRecorded;
import id.desadigital.platform.testing.TestTokens;
import reactor.test.StepVerifier;

/** Every acknowledged change reaches ledger_entries and budget-events, in order per key, even across a crash. */
@BudgetServiceTest
class LedgerOutboxTest {

    private static final EventCodec CODEC = BudgetEvents.codec();

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    OutboxSweeper sweeper;

    @Autowired
    EntryFactory entries;

    BudgetFixtures budget;
    Consumer<String, String> consumer;
    final List<ConsumerRecord<String, String>> read = new ArrayList<>();

    @BeforeEach
    void setUp() {
        budget = new BudgetFixtures(web, mongo);
        consumer = new KafkaConsumer<>(KafkaTestUtils.consumerProps(broker, "test-" + UUID.randomUUID(), false),
                new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.BUDGET_EVENTS).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    @AfterEach
    void close() {
        consumer.close();
    }

    @Test
    void aVillagesEntriesGoOutInSequenceWithTheirPayloads() {
        String program = budget.program(100_000_000);
        String village = budget.activeVillage();
        String allocation = budget.allocation(program, village, 6_000_000);
        String spending = (String) budget.spend(allocation, village, 2_350_000).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
        budget.post("Bearer " + TestTokens.villageHead(village), "/api/budget/spending/" + spending + "/reversal",
                Map.of("reason", "Nota ganda")).expectStatus().isCreated();

        List<EventEnvelope<Object>> events = eventsFor(village, 3);

        assertThat(events).extracting(EventEnvelope::type).containsExactly(BudgetEvents.FUNDS_ALLOCATED,
                BudgetEvents.SPENDING_RECORDED, BudgetEvents.SPENDING_REVERSED);
        assertThat(events).extracting(EventEnvelope::sequence).containsExactly(1L, 2L, 3L);
        assertThat(events.get(0).eventId()).isEqualTo(allocation);
        assertThat(events.get(1).payload()).isEqualTo(new SpendingRecorded(spending, allocation, program, 2026,
                village, 2_350_000, java.time.LocalDate.parse("2026-03-02"), "HARDWARE", "Laptop operator SID",
                "CV Maju Jaya", "INV/017"));
        assertThat(events).extracting(EventEnvelope::actor)
                .containsExactly("finance", "head-" + village, "head-" + village);
        assertThat(eventsFor(program, 1)).extracting(EventEnvelope::type).containsExactly(BudgetEvents.PROGRAM_CREATED);
        StepVerifier.create(mongo.findById(village, VillageAccount.class))
                .assertNext(account -> {
                    assertThat(account.pending()).isEmpty();
                    assertThat(account.unpublished()).isNull();
                    assertThat(account.publishedSequence()).isEqualTo(3);
                })
                .verifyComplete();
    }

    @Test
    void entriesLeftPendingByADeadRequestAreRelayedByTheSweep() {
        String village = budget.activeVillage();
        String allocationId = UUID.randomUUID().toString();
        String spendingId = UUID.randomUUID().toString();
        budget.strandedSpending(entries, village, allocationId, spendingId);

        StepVerifier.create(sweeper.sweep()).assertNext(relayed -> assertThat(relayed).isPositive()).verifyComplete();

        assertThat(eventsFor(village, 1)).extracting(EventEnvelope::eventId).containsExactly(spendingId);
        StepVerifier.create(mongo.findById(spendingId, LedgerEntry.class))
                .assertNext(entry -> assertThat(entry.longValue("amount")).isEqualTo(1_000))
                .verifyComplete();
        StepVerifier.create(mongo.findById(village, VillageAccount.class))
                .assertNext(account -> {
                    assertThat(account.pending()).isEmpty();
                    assertThat(account.unpublished()).isNull();
                })
                .verifyComplete();
    }

    /** The events of one key, in topic order; polls until {@code expected} of them have been read. */
    private List<EventEnvelope<Object>> eventsFor(String key, int expected) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (ofKey(key).size() < expected && Instant.now().isBefore(deadline)) {
            consumer.poll(Duration.ofMillis(200)).forEach(read::add);
        }
        return ofKey(key);
    }

    private List<EventEnvelope<Object>> ofKey(String key) {
        return read.stream().filter(record -> record.key().equals(key)).map(record -> CODEC.decode(record.value()))
                .toList();
    }
}
