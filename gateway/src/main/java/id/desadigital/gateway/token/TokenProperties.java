package id.desadigital.gateway.token;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param issuer   the {@code iss} of every token; the services refuse tokens from another issuer
 * @param tokenTtl how long a token is valid after sign-in
 */
@ConfigurationProperties("desa.security")
public record TokenProperties(String issuer, Duration tokenTtl) {
}
