package id.desadigital.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where a service finds the keys that sign tokens. {@code publicKey} (an RSA public key in PEM) wins when set, which
 * tests and air-gapped installs use; otherwise keys come from {@code jwkSetUri}, the gateway's
 * /.well-known/jwks.json or any OIDC issuer's. Tokens whose {@code iss} differs from {@code issuer} are refused.
 */
@ConfigurationProperties("desa.security")
public record TokenProperties(String jwkSetUri, String publicKey, String issuer) {
}
