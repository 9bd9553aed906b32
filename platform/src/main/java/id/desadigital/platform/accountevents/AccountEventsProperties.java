package id.desadigital.platform.accountevents;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a service follows the gateway's account changes; defaults and their environment variables are in
 * desa-platform.yml.
 *
 * @param enabled                whether tokens are checked against account changes at all
 * @param topic                  the compacted topic, keyed by username, read from its beginning at every start
 * @param startupWait            how long start-up waits for the topic to be read to its end
 * @param requestWait            how long a request with a token waits for that, before a 503
 * @param pollTimeout            the longest quiet wait of one poll
 * @param brokerTimeout          the longest look-up of partitions and end offsets
 * @param retryInterval          the pause before trying again when the broker cannot be reached
 * @param partitionCheckInterval how often partitions are looked up again
 */
@ConfigurationProperties("desa.account-events")
public record AccountEventsProperties(boolean enabled, String topic, Duration startupWait, Duration requestWait,
        Duration pollTimeout, Duration brokerTimeout, Duration retryInterval, Duration partitionCheckInterval) {
}
