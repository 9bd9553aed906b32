package id.desadigital.platform.observability;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

import id.desadigital.platform.security.ServiceSecurityAutoConfiguration;
import id.desadigital.platform.web.ProblemWriter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * What every service adds to Spring Boot's metrics and tracing (docs/observability.md): the scrape endpoint's own
 * credential, the outbox backlog gauges, and {@link Traces} for carrying a trace through the outbox. The settings
 * (histogram buckets, sampling, what is observed) are in desa-platform.yml.
 */
@AutoConfiguration(after = ServiceSecurityAutoConfiguration.class)
@EnableConfigurationProperties(ObservabilityProperties.class)
public class ObservabilityAutoConfiguration {

    static final String SCRAPE_PATH = "/actuator/prometheus";

    @Bean
    Traces traces(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        Tracer current = tracer.getIfAvailable();
        return current == null ? Traces.none() : new Traces(current, propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    /**
     * {@value #SCRAPE_PATH} answers only the metrics token (METRICS_TOKEN), checked before the users' token chain
     * sees the request: on the main port beside {@code /actuator/health}, which API.md keeps there without a token,
     * and never routed by the gateway.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain metricsScrapeSecurity(ServerHttpSecurity http, ObservabilityProperties properties,
            ProblemWriter problems) {
        ScrapeCredential credential = new ScrapeCredential(properties.metricsToken());
        return http
                .securityMatcher(ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, SCRAPE_PATH))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .authorizeExchange(exchange -> exchange.anyExchange().access(credential))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((exchange, denied) -> {
                            exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
                            return problems.write(exchange, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                                    credential.configured() ? "The metrics scrape token is required"
                                            : "Metrics are not served: no METRICS_TOKEN is configured");
                        }))
                .build();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ReactiveMongoTemplate.class)
    static class OutboxBacklogConfiguration {

        @Bean
        OutboxBacklog outboxBacklog(ObjectProvider<ReactiveMongoTemplate> mongo, ObjectProvider<PendingOutbox> outboxes,
                MeterRegistry registry, ObservabilityProperties properties) {
            return new OutboxBacklog(mongo.getIfAvailable(), outboxes.orderedStream().toList(), registry,
                    properties.outboxBacklog());
        }
    }
}
