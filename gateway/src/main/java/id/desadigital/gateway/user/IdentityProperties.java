package id.desadigital.gateway.user;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param adminPassword   the bootstrap admin's password on the first start; blank means generate one
 * @param bcryptStrength  BCrypt cost factor (4 to 31)
 * @param maxQueuedHashes password checks waiting for a CPU beyond this are refused rather than piled up
 */
@ConfigurationProperties("desa.identity")
public record IdentityProperties(String adminPassword, int bcryptStrength, int maxQueuedHashes) {
}
