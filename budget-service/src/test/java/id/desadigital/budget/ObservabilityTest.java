package id.desadigital.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.web.reactive.server.WebTestClient;

import id.desadigital.budget.allocation.VillageAccount;
import id.desadigital.budget.ledger.BudgetFixtures;
import id.desadigital.budget.ledger.EntryFactory;
import id.desadigital.budget.ledger.LedgerWrites;
import id.desadigital.budget.ledger.OutboxSweeper;
import id.desadigital.contracts.EventCodec;
import id.desadigital.contracts.Topics;
import id.desadigital.contracts.budget.BudgetEvents;
import id.desadigital.platform.observability.OutboxBacklog;
import id.desadigital.platform.observability.Traces;
import id.desadigital.platform.testing.Scrapes;
import id.desadigital.platform.testing.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.test.StepVerifier;

/**
 * What an operator reads of budget-service (docs/observability.md): its metrics at /actuator/prometheus, behind the
 * metrics token, and a request's trace carried through the outbox onto the Kafka records of its entries.
 */
@BudgetServiceTest
class ObservabilityTest {

    private static final EventCodec CODEC = BudgetEvents.codec();

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    MeterRegistry registry;

    @Autowired
    OutboxBacklog backlog;

    @Autowired
    OutboxSweeper sweeper;

    @Autowired
    EntryFactory entries;

    @Autowired
    EmbeddedKafkaBroker broker;

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
    void prometheusReadsTheRequestHistogramsLedgerWritesBacklogAndConsumerLag() {
        String village = budget.activeVillage();
        budget.allocation(budget.program(10_000_000), village, 1_000_000);
        StepVerifier.create(backlog.refresh()).verifyComplete();

        String metrics = Scrapes.scrape(web);

        assertThat(metrics)
                .contains("http_server_requests_seconds_bucket{application=\"budget-service\"")
                .contains("le=\"0.025\"")
                .contains("desa_ledger_entries_written_total{application=\"budget-service\",type=\"FUNDS_ALLOCATED\"}")
                .contains("desa_ledger_entries_written_total{application=\"budget-service\",type=\"SPENDING_REVERSED\"}")
                .contains("desa_outbox_pending_documents{application=\"budget-service\",outbox=\"village_accounts\"}")
                .contains("desa_outbox_pending_documents{application=\"budget-service\",outbox=\"programs\"}")
                // The village-events consumer's lag, and the account-events reader's.
                .containsPattern("kafka_consumer_fetch_manager_records_lag_max\\{[^}]*client_id=\"known-villages-0-")
                .containsPattern("kafka_consumer_fetch_manager_records_lag_max\\{[^}]*client_id=\"budget-service-account-events\"");
    }

    @Test
    void theMetricsAreRefusedWithoutTheMetricsToken() {
        Scrapes.refusesAnyoneWithoutTheToken(web);
    }

    @Test
    void anAcknowledgedSpendingCountsOneLedgerWriteOfItsType() {
        String village = budget.activeVillage();
        String allocation = budget.allocation(budget.program(10_000_000), village, 1_000_000);
        double before = written(BudgetEvents.SPENDING_RECORDED);

        budget.spend(allocation, village, 250_000).expectStatus().isCreated();
        // Refused by a budget rule (more than the allocation holds): nothing written, nothing counted.
        budget.spend(allocation, village, 5_000_000).expectStatus().isEqualTo(409);

        assertThat(written(BudgetEvents.SPENDING_RECORDED)).isEqualTo(before + 1);
    }

    @Test
    void theBacklogGaugeCountsEntriesLeftUnrelayedAndReadsZeroOnceTheSweepRelayedThem() {
        String village = budget.activeVillage();
        String spendingId = UUID.randomUUID().toString();
        budget.strandedSpending(entries, village, "allocation-x", spendingId);

        StepVerifier.create(backlog.refresh()).verifyComplete();
        assertThat(pending(VillageAccount.COLLECTION)).isGreaterThanOrEqualTo(1);

        StepVerifier.create(sweeper.sweep()).expectNextCount(1).verifyComplete();
        StepVerifier.create(backlog.refresh()).verifyComplete();
        assertThat(pending(VillageAccount.COLLECTION)).isZero();
        assertThat(pending("programs")).isZero();
    }

    @Test
    void eachRequestsTraceTravelsWithItsEntriesOntoBudgetEvents() {
        String village = budget.activeVillage();
        String programTrace = Scrapes.traceparent();
        String program = (String) web.post().uri("/api/budget/programs")
                .header(HttpHeaders.AUTHORIZATION, BudgetFixtures.FINANCE)
                .header(Traces.TRACEPARENT, programTrace)
                .bodyValue(Map.of("fiscalYear", 2026, "name", "Digitalisasi Desa", "ceiling", 10_000_000,
                        "fundingSource", "PBK", "activityCode", "1.4.08"))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
        String allocation = budget.allocation(program, village, 1_000_000);
        String spendingTrace = Scrapes.traceparent();
        String spending = (String) web.post().uri("/api/budget/allocations/" + allocation + "/spending")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.villageHead(village))
                .header(Traces.TRACEPARENT, spendingTrace)
                .bodyValue(Map.of("amount", 250_000, "spentOn", "2026-03-02", "category", "HARDWARE",
                        "description", "Laptop operator SID", "vendor", "CV Maju Jaya", "receiptNo", "INV/017"))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");

        assertThat(Scrapes.traceId(traceparentOf(program, program))).isEqualTo(Scrapes.traceId(programTrace));
        String relayed = traceparentOf(village, spending);
        assertThat(Scrapes.traceId(relayed)).isEqualTo(Scrapes.traceId(spendingTrace));
        // The service's own span of the request, child of the caller's.
        assertThat(Scrapes.parentId(relayed)).isNotEqualTo(Scrapes.parentId(spendingTrace));
        // The allocation's request carried no traceparent: its entry has a trace of its own.
        assertThat(Scrapes.traceId(traceparentOf(village, allocation)))
                .isNotEqualTo(Scrapes.traceId(spendingTrace)).isNotEqualTo(Scrapes.traceId(programTrace));
    }

    private double written(String type) {
        return registry.get(LedgerWrites.METRIC).tag("type", type).counter().count();
    }

    private double pending(String outbox) {
        return registry.get(OutboxBacklog.METRIC).tag("outbox", outbox).gauge().value();
    }

    /** The traceparent header of the record of key {@code key} whose event is {@code eventId}; polls until read. */
    private String traceparentOf(String key, String eventId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : read) {
                if (key.equals(record.key()) && CODEC.decode(record.value()).eventId().equals(eventId)) {
                    Header header = record.headers().lastHeader(Traces.TRACEPARENT);
                    assertThat(header).as("traceparent of %s", eventId).isNotNull();
                    return new String(header.value(), StandardCharsets.US_ASCII);
                }
            }
            consumer.poll(Duration.ofMillis(200)).forEach(read::add);
        }
        throw new AssertionError("No record of " + eventId + " on " + Topics.BUDGET_EVENTS);
    }
}
