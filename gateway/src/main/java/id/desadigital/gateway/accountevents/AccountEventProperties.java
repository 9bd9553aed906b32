package id.desadigital.gateway.accountevents;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the gateway tells the services about account changes that end tokens.
 *
 * @param topic          the compacted topic, keyed by username, every service reads from its beginning
 * @param partitions     partitions of the topic when the gateway creates it (the services declare it with the same
 *                       KAFKA_PARTITIONS)
 * @param replicas       its replication factor
 * @param publishTimeout how long an account change waits for Kafka before answering anyway (the change is stored
 *                       and the sweep publishes it)
 * @param sweepInterval  how often unpublished account changes are looked for; also at start-up
 * @param sweepBatch     accounts published per sweep round
 * @param relayAttempts  how often one relay sends again because the account changed while it was sending, before
 *                       leaving the rest to that change's own relay and the sweep
 */
@ConfigurationProperties("desa.account-events")
public record AccountEventProperties(String topic, int partitions, short replicas, Duration publishTimeout,
        Duration sweepInterval, int sweepBatch, int relayAttempts) {
}
