package id.desadigital.platform.observability;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param metricsToken  the static credential a Prometheus server sends as {@code Authorization: Bearer ...} to read
 *                      {@code /actuator/prometheus}; blank refuses every scrape
 * @param outboxBacklog how the outbox backlog gauges are counted
 */
@ConfigurationProperties("desa.observability")
public record ObservabilityProperties(String metricsToken, OutboxBacklogCount outboxBacklog) {

    /**
     * @param interval how often the pending documents of each outbox are counted
     * @param limit    the count stops here: a gauge at the limit means at least this many
     */
    public record OutboxBacklogCount(Duration interval, int limit) {
    }
}
