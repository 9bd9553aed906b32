package id.desadigital.gateway.health;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;

import reactor.core.publisher.Mono;

/**
 * One service behind the gateway counts as up only when its own /actuator/health answers 2xx in time; that health
 * already covers the service's store and Kafka. A slow answer counts as down, so the gateway's health never hangs.
 */
class ServiceHealthIndicator implements ReactiveHealthIndicator {

    private final WebClient client;
    private final URI health;
    private final Duration timeout;

    ServiceHealthIndicator(WebClient client, URI serviceUrl, Duration timeout) {
        this.client = client;
        this.health = UriComponentsBuilder.fromUri(serviceUrl).path("/actuator/health").build().toUri();
        this.timeout = timeout;
    }

    @Override
    public Mono<Health> health() {
        return client.get().uri(health)
                .exchangeToMono(response -> response.releaseBody().thenReturn(
                        response.statusCode().is2xxSuccessful()
                                ? Health.up().withDetail("url", health.toString()).build()
                                : Health.down().withDetail("url", health.toString())
                                        .withDetail("httpStatus", response.statusCode().value()).build()))
                .timeout(timeout)
                .onErrorResume(error -> Mono.just(Health.down().withDetail("url", health.toString())
                        .withDetail("error", error.getClass().getSimpleName()).build()));
    }
}
