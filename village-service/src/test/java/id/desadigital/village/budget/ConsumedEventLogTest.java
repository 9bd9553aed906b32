package id.desadigital.village.budget;

import static id.desadigital.village.budget.SampleBudgetEvents.allocated;
import static id.desadigital.village.budget.SampleBudgetEvents.encode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.core.KafkaTemplate;

import id.desadigital.contracts.EventEnvelope;
import id.desadigital.contracts.Topics;
import id.desadigital.platform.observability.Traces;
import id.desadigital.platform.testing.Scrapes;
import id.desadigital.village.support.VillageServiceTest;

/**
 * With the event log on, the line village-service writes for a budget event it consumed shows the trace of the
 * request that made the event, read from the record's traceparent header (docs/observability.md).
 */
@ExtendWith(OutputCaptureExtension.class)
class ConsumedEventLogTest extends VillageServiceTest {

    private final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());

    @Autowired
    KafkaTemplate<String, String> kafka;

    @BeforeEach
    void logEvents() {
        logging.setLogLevel(Traces.EVENT_LOG, LogLevel.DEBUG);
    }

    @AfterEach
    void logAsBefore() {
        logging.setLogLevel(Traces.EVENT_LOG, null);
    }

    @Test
    void theLineForAConsumedEventCarriesTheTraceOfItsRecord(CapturedOutput output) {
        String code = "74.02.01.2001";
        EventEnvelope<?> event = allocated(code, 1, 2026, 6_000_000);
        String traceparent = Scrapes.traceparent();

        kafka.send(Traces.record(Topics.BUDGET_EVENTS, code, encode(event), traceparent)).join();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(output.getOut())
                .containsPattern("\\[village-service\\] .* \\[" + Scrapes.traceId(traceparent) + "-[0-9a-f]{16}\\] .*APPLIED "
                        + event.eventId() + " of " + code));
    }
}
