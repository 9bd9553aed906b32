package id.desadigital.gateway.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;

import id.desadigital.gateway.problem.ProblemWriter;
import id.desadigital.gateway.ratelimit.ClientRateLimiter;
import id.desadigital.gateway.ratelimit.RateLimitWebFilter;
import id.desadigital.gateway.signing.SigningKeyStore;
import id.desadigital.gateway.token.TokenProperties;
import id.desadigital.gateway.user.Role;

/**
 * Who may pass the door. The gateway checks tokens with its own key in-process; the services check them again.
 * Role rules here cover what the gateway must refuse before a service is even asked; finer rules (a village head
 * and their own village) live in the services, which know the data.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class GatewaySecurityConfiguration {

    private static final String ADMIN = Role.ADMIN.name();
    private static final String FINANCE_OFFICER = Role.FINANCE_OFFICER.name();
    private static final String VILLAGE_HEAD = Role.VILLAGE_HEAD.name();
    private static final String AUDITOR = Role.AUDITOR.name();

    /**
     * Signature (RS256 with the gateway's key only; {@code alg: none} and other keys fail), an expiry that has not
     * passed (Spring's default checks one only when present), issuer and audience, remembered per token; then, on every request, whether the account still accepts the token.
     */
    @Bean
    ReactiveJwtDecoder jwtDecoder(SigningKeyStore keys, TokenProperties properties, AccountStates accounts) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(jwt -> keys.publicKeys()).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtIssuerValidator(properties.issuer()), new JwtAudienceValidator(properties.audience())));
        VerifiedTokens verified = new VerifiedTokens(decoder, properties.rememberedTokens(),
                properties.rememberTokensFor(), Clock.systemUTC());
        return new CurrentAccountTokens(verified, accounts);
    }

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder,
            ProblemWriter problems, ClientRateLimiter rateLimiter) {
        http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .authorizeExchange(exchange -> exchange
                        // Open doors.
                        .pathMatchers(HttpMethod.POST, "/api/auth/token").permitAll()
                        .pathMatchers(HttpMethod.GET, "/.well-known/jwks.json").permitAll()
                        .pathMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        .pathMatchers("/api/public/**").permitAll()
                        // The services' OpenAPI documents: a reference for integrators, they hold no data.
                        .pathMatchers(HttpMethod.GET, "/api/villages/v3/api-docs", "/api/budget/v3/api-docs")
                        .permitAll()
                        // Admin-only writes. The trailing /** also catches a trailing slash, which routes the same.
                        .pathMatchers(HttpMethod.POST, "/api/villages/import/**").hasRole(ADMIN)
                        .pathMatchers(HttpMethod.PUT, "/api/villages/*/head/**", "/api/villages/*/status/**")
                        .hasRole(ADMIN)
                        // Accounts: create, list, set a password, enable or disable.
                        .pathMatchers("/api/auth/users/**").hasRole(ADMIN)
                        // The services' read models: their state and a rebuild from the topic (docs/operations.md).
                        .pathMatchers("/api/villages/read-models/**", "/api/budget/read-models/**").hasRole(ADMIN)
                        .pathMatchers("/actuator/**").hasRole(ADMIN)
                        // Ledger writes, by the role API.md names; budget-service checks them again, with the
                        // village a head is scoped to.
                        .pathMatchers(HttpMethod.POST, "/api/budget/programs/**",
                                "/api/budget/allocations/*/adjustments/**").hasRole(FINANCE_OFFICER)
                        .pathMatchers(HttpMethod.POST, "/api/budget/allocations/*/spending/**").hasRole(VILLAGE_HEAD)
                        .pathMatchers(HttpMethod.POST, "/api/budget/spending/*/reversal/**")
                        .hasAnyRole(VILLAGE_HEAD, FINANCE_OFFICER)
                        .pathMatchers(HttpMethod.POST, "/api/budget/**").denyAll()
                        // Ledger and report reads, by the roles that audit or answer for the money. Any method: these
                        // paths have reads only (HEAD is a GET without its body), so no other method may slip past.
                        // Checking the whole chain is the auditor's; a head reads only their own village's entries,
                        // and their semester report under /api/budget/villages/{code}/reports, which budget-service
                        // checks.
                        .pathMatchers("/api/budget/ledger/verify/**").hasRole(AUDITOR)
                        .pathMatchers("/api/budget/ledger/**").hasAnyRole(AUDITOR, FINANCE_OFFICER, VILLAGE_HEAD)
                        .pathMatchers("/api/budget/reports/**").hasAnyRole(FINANCE_OFFICER, AUDITOR)
                        // Everything else of the API needs a signed-in user of any role.
                        .pathMatchers("/api/**").authenticated()
                        // The web pages and their static resources: readable by anyone, they hold no data.
                        .pathMatchers(HttpMethod.GET, "/**").permitAll()
                        .pathMatchers(HttpMethod.HEAD, "/**").permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtDecoder(jwtDecoder).jwtAuthenticationConverter(new RoleClaimConverter()))
                        .authenticationEntryPoint(problems::unauthorized)
                        .accessDeniedHandler(problems::forbidden))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(problems::unauthorized)
                        .accessDeniedHandler(problems::forbidden));
        // After authentication, so a signed-in user is limited by name and everyone else by address.
        if (rateLimiter.enabled()) {
            http.addFilterAfter(new RateLimitWebFilter(rateLimiter, problems), SecurityWebFiltersOrder.AUTHENTICATION);
        }
        return http.build();
    }
}
