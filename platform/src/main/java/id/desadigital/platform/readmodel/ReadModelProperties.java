package id.desadigital.platform.readmodel;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How each instance follows its read models; defaults and their environment variables are in desa-platform.yml.
 *
 * @param path where the service answers for its read models ({@code /api/villages/read-models}): {@code GET
 *     <path>/<name>} their state, {@code POST <path>/<name>/rebuild} a rebuild, for ADMIN only
 * @param pollInterval how often every instance reads the read models' state: how soon it starts feeding a rebuild
 *     another instance asked for, and how soon after the rebuild has caught up it reads the new generation
 * @param brokerTimeout the longest wait for the broker's answer about partitions, offsets or groups
 */
@ConfigurationProperties("desa.read-models")
public record ReadModelProperties(String path, Duration pollInterval, Duration brokerTimeout) {
}
