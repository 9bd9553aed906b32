package id.desadigital.village.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param publishTimeout how long a request waits for Kafka before answering anyway (its change is stored and the
 *                       sweep will publish it)
 * @param sweepInterval  how often unpublished changes are looked for; also runs at start-up
 * @param sweepBatch     villages read per sweep round
 */
@ConfigurationProperties("desa.outbox")
public record OutboxProperties(Duration publishTimeout, Duration sweepInterval, int sweepBatch) {
}
