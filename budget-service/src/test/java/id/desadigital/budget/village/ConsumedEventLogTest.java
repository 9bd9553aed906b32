package id.desadigital.budget.village;

import static id.desadigital.budget.village.SampleVillageEvents.encode;
import static id.desadigital.budget.village.SampleVillageEvents.newVillageCode;
import static id.desadigital.budget.village.SampleVillageEvents.registered;
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

import id.desadigital.budget.BudgetServiceTest;
import id.desadigital.contracts.EventEnvelope;
import id.desadigital.contracts.Topics;
import id.desadigital.platform.observability.Traces;
import id.desadigital.platform.testing.Scrapes;

/**
 * With the event log on, the line budget-service writes for a village event it consumed shows the trace of the
 * request that made the event, read from the record's traceparent header (docs/observability.md).
 */
@BudgetServiceTest
@ExtendWith(OutputCaptureExtension.class)
class ConsumedEventLogTest {

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
        String code = newVillageCode();
        EventEnvelope<?> event = registered(code, 1);
        String traceparent = Scrapes.traceparent();

        kafka.send(Traces.record(Topics.VILLAGE_EVENTS, code, encode(event), traceparent)).join();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(output.getOut())
                .containsPattern("\\[budget-service\\] .* \\[" + Scrapes.traceId(traceparent) + "-[0-9a-f]{16}\\] .*APPLIED "
                        + event.eventId() + " of " + code));
    }
}
