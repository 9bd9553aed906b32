package id.desadigital.platform.security;

import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.util.StringUtils;

import id.desadigital.platform.accountevents.AccountStates;
import id.desadigital.platform.web.ProblemWriter;

/**
 * Every service checks the token itself (defence in depth: a request that bypasses the gateway is still refused):
 * its signature, expiry, issuer and audience, and that the gateway has not since disabled its account or changed its
 * password (account-events, {@link CurrentAccountTokens}).
 * Health, the public API and the OpenAPI document need no token; everything else needs a valid one, and endpoints
 * narrow it further with {@code @PreAuthorize}.
 */
@AutoConfiguration
@EnableWebFluxSecurity
@EnableReactiveMethodSecurity
@EnableConfigurationProperties(TokenProperties.class)
public class ServiceSecurityAutoConfiguration {

    /**
     * The token's own checks, remembered per token; then, on every request, whether its account still accepts it
     * (account-events, when the service follows it).
     */
    @Bean
    @ConditionalOnMissingBean
    ReactiveJwtDecoder jwtDecoder(TokenProperties properties, ObjectProvider<AccountStates> accounts) {
        ReactiveJwtDecoder verified = verifiedTokens(properties);
        AccountStates states = accounts.getIfAvailable();
        return states == null ? verified : new CurrentAccountTokens(verified, states);
    }

    static ReactiveJwtDecoder verifiedTokens(TokenProperties properties) {
        NimbusReactiveJwtDecoder decoder = StringUtils.hasText(properties.publicKey())
                ? NimbusReactiveJwtDecoder.withPublicKey(parsePem(properties.publicKey())).build()
                : NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
        decoder.setJwtValidator(validator(properties));
        return new VerifiedTokens(decoder, properties.rememberedTokens(), properties.rememberTokensFor(),
                Clock.systemUTC());
    }

    /**
     * Expiry and not-before (Spring's defaults), an expiry at all (Spring's default lets a token without one live for
     * ever), the issuer when one is configured, the audience always, and the claims every handler relies on. Each
     * failure is a 401, like a bad signature.
     */
    static OAuth2TokenValidator<Jwt> validator(TokenProperties properties) {
        if (!StringUtils.hasText(properties.audience())) {
            throw new IllegalStateException("desa.security.audience (TOKEN_AUDIENCE) must name this system's audience");
        }
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        if (StringUtils.hasText(properties.issuer())) {
            validators.add(new JwtIssuerValidator(properties.issuer()));
        }
        validators.add(new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull));
        validators.add(new JwtAudienceValidator(properties.audience()));
        validators.add(new CallerClaimsValidator());
        return JwtValidators.createDefaultWithValidators(validators);
    }

    @Bean
    @ConditionalOnMissingBean
    SecurityWebFilterChain serviceSecurity(ServerHttpSecurity http, ProblemWriter problems) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .authorizeExchange(exchange -> exchange
                        .pathMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        .pathMatchers("/api/public/**").permitAll()
                        // The OpenAPI document (springdoc): a public reference for integrators, it holds no data.
                        .pathMatchers(HttpMethod.GET, "/v3/api-docs").permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new RoleClaimConverter()))
                        .authenticationEntryPoint(problems::unauthorized)
                        .accessDeniedHandler(problems::forbidden))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(problems::unauthorized)
                        .accessDeniedHandler(problems::forbidden))
                .build();
    }

    static RSAPublicKey parsePem(String pem) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("desa.security.public-key is not an RSA public key in PEM form", e);
        }
    }
}
