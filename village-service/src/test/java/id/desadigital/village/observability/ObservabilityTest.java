package id.desadigital.village.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Update;

import id.desadigital.contracts.village.VillageStatusChanged;
import id.desadigital.platform.observability.OutboxBacklog;
import id.desadigital.platform.observability.Traces;
import id.desadigital.platform.testing.Scrapes;
import id.desadigital.platform.testing.TestTokens;
import id.desadigital.village.outbox.OutboxSweeper;
import id.desadigital.village.support.VillageServiceTest;
import id.desadigital.village.village.Village;
import id.desadigital.village.village.VillageChanges;
import id.desadigital.village.village.VillageStatus;
import id.desadigital.village.village.VillageStore;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.test.StepVerifier;

/**
 * What an operator reads of village-service (docs/observability.md): its metrics at /actuator/prometheus, behind the
 * metrics token, and a request's trace carried through the outbox onto the village-events records of its changes.
 */
class ObservabilityTest extends VillageServiceTest {

    private static final String HEADER = "code,name,district_code,district_name,regency_code,regency_name,"
            + "province_code,province_name\n";

    @Autowired
    MeterRegistry registry;

    @Autowired
    OutboxBacklog backlog;

    @Autowired
    OutboxSweeper sweeper;

    @Autowired
    VillageStore store;

    @Autowired
    VillageChanges changes;

    Consumer<String, String> consumer;

    @BeforeEach
    void readVillageEvents() {
        consumer = villageEventsConsumer();
    }

    @AfterEach
    void close() {
        consumer.close();
    }

    @Test
    void prometheusReadsTheRequestHistogramsBacklogAndConsumerLag() {
        get("/api/villages?regencyCode=74.01").exchange().expectStatus().isOk();
        StepVerifier.create(backlog.refresh()).verifyComplete();

        String metrics = Scrapes.scrape(http);

        assertThat(metrics)
                .contains("http_server_requests_seconds_bucket{application=\"village-service\"")
                .contains("le=\"0.025\"")
                .contains("desa_outbox_pending_documents{application=\"village-service\",outbox=\"villages\"}")
                // The budget-events consumer's lag, and the account-events reader's.
                .containsPattern("kafka_consumer_fetch_manager_records_lag_max\\{[^}]*client_id=\"budget-figures-0-")
                .containsPattern("kafka_consumer_fetch_manager_records_lag_max\\{[^}]*client_id=\"village-service-account-events\"");
    }

    @Test
    void theMetricsAreRefusedWithoutTheMetricsToken() {
        Scrapes.refusesAnyoneWithoutTheToken(http);
    }

    @Test
    void theBacklogGaugeCountsChangesLeftUnpublishedAndReadsZeroOnceTheSweepPublishedThem() {
        String code = "74.01.02.2001";
        importCsv(HEADER + code + ",Sukamaju,74.01.02,Kendari Barat,74.01,Kabupaten Kendari,74,Sulawesi Tenggara\n")
                .expectStatus().isOk();
        // What a request leaves when its process dies right after storing its change: the change only in the outbox.
        StepVerifier.create(store.apply(code, 1, new Update().set("status", VillageStatus.INACTIVE),
                        changes.next(1, "admin", new VillageStatusChanged(code, "INACTIVE", "banjir"), null)))
                .expectNext(true)
                .verifyComplete();

        StepVerifier.create(backlog.refresh()).verifyComplete();
        assertThat(pending()).isGreaterThanOrEqualTo(1);

        StepVerifier.create(sweeper.sweep()).verifyComplete();
        StepVerifier.create(backlog.refresh()).verifyComplete();
        assertThat(pending()).isZero();
    }

    @Test
    void eachRequestsTraceTravelsWithItsChangesOntoVillageEvents() {
        String code = "74.01.01.2001";
        String importTrace = Scrapes.traceparent();
        http.post().uri("/api/villages/import")
                .header("Authorization", "Bearer " + TestTokens.admin())
                .header(Traces.TRACEPARENT, importTrace)
                .contentType(CSV)
                .bodyValue(HEADER + code + ",Wawosungu,74.01.01,Kendari,74.01,Kabupaten Kendari,74,Sulawesi Tenggara\n")
                .exchange().expectStatus().isOk();
        String headTrace = Scrapes.traceparent();
        http.put().uri("/api/villages/" + code + "/head")
                .header("Authorization", "Bearer " + TestTokens.admin())
                .header(Traces.TRACEPARENT, headTrace)
                .bodyValue(Map.of("name", "La Ode Sabaruddin", "since", "2026-03-01"))
                .exchange().expectStatus().isOk();

        List<ConsumerRecord<String, String>> records = eventsFor(consumer, code, 2);

        assertThat(records).hasSize(2);
        String registered = traceparent(records.get(0));
        assertThat(Scrapes.traceId(registered)).isEqualTo(Scrapes.traceId(importTrace));
        // The service's own span of the request, child of the caller's.
        assertThat(Scrapes.parentId(registered)).isNotEqualTo(Scrapes.parentId(importTrace));
        assertThat(Scrapes.traceId(traceparent(records.get(1)))).isEqualTo(Scrapes.traceId(headTrace));
    }

    private double pending() {
        return registry.get(OutboxBacklog.METRIC).tag("outbox", Village.COLLECTION).gauge().value();
    }

    private static String traceparent(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader(Traces.TRACEPARENT);
        assertThat(header).as("traceparent of %s", record.value()).isNotNull();
        return new String(header.value(), StandardCharsets.US_ASCII);
    }
}
