package id.desadigital.gateway.observability;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

import id.desadigital.gateway.problem.ApiProblem;
import id.desadigital.gateway.problem.ProblemWriter;

/**
 * The gateway's own {@value #SCRAPE_PATH} answers only the metrics token (METRICS_TOKEN), checked before the users'
 * chain (where {@code /actuator/**} is the admin's) sees the request. The services' scrape endpoints are never
 * routed: every route is under /api.
 */
@Configuration(proxyBeanMethods = false)
class MetricsScrapeConfiguration {

    static final String SCRAPE_PATH = "/actuator/prometheus";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain metricsScrapeSecurity(ServerHttpSecurity http, ProblemWriter problems,
            @Value("${desa.observability.metrics-token:}") String token) {
        ScrapeCredential credential = new ScrapeCredential(token);
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
                            return problems.write(exchange, ApiProblem.problem(HttpStatus.UNAUTHORIZED,
                                    "unauthorized", "Unauthorized", credential.configured()
                                            ? "The metrics scrape token is required"
                                            : "Metrics are not served: no METRICS_TOKEN is configured"));
                        }))
                .build();
    }
}
