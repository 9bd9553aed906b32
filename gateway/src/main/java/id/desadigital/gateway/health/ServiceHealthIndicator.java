package id.desadigital.gateway.health;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One service behind the gateway counts as up while at least one of its instances is: the gateway routes around an
 * instance that is down ({@code services/InstanceFailover}), so every request can still be answered, and a load
 * balancer in front should not take the whole gateway out of service for it. An ADMIN sees each instance's state in
 * the details, so one that is down is noticed all the same.
 *
 * <p>An instance counts as up only when its own /actuator/health answers 2xx in time; that health already covers the
 * service's store and Kafka. A slow answer counts as down, so the gateway's health never hangs. All instances are
 * asked at once.
 */
class ServiceHealthIndicator implements ReactiveHealthIndicator {

    private final WebClient client;
    private final List<URI> healthUrls;
    private final Duration timeout;

    ServiceHealthIndicator(WebClient client, List<ServiceInstance> instances, Duration timeout) {
        this.client = client;
        this.healthUrls = instances.stream()
                .map(instance -> UriComponentsBuilder.fromUri(instance.getUri()).path("/actuator/health").build()
                        .toUri())
                .toList();
        this.timeout = timeout;
    }

    @Override
    public Mono<Health> health() {
        return Flux.fromIterable(healthUrls)
                .flatMapSequential(this::instanceState)
                .collectList()
                .map(ServiceHealthIndicator::serviceHealth);
    }

    private static Health serviceHealth(List<InstanceState> instances) {
        Map<String, String> states = new LinkedHashMap<>();
        instances.forEach(instance -> states.put(instance.health().toString(), instance.state()));
        boolean anyUp = instances.stream().anyMatch(InstanceState::up);
        return (anyUp ? Health.up() : Health.down()).withDetail("instances", states).build();
    }

    private Mono<InstanceState> instanceState(URI health) {
        return client.get().uri(health)
                .exchangeToMono(response -> response.releaseBody().thenReturn(
                        response.statusCode().is2xxSuccessful()
                                ? new InstanceState(health, true, "UP")
                                : new InstanceState(health, false, "DOWN (HTTP " + response.statusCode().value() + ")")))
                .timeout(timeout)
                .onErrorResume(error -> Mono.just(
                        new InstanceState(health, false, "DOWN (" + error.getClass().getSimpleName() + ")")));
    }

    /** @param state what an ADMIN reads: UP, or DOWN with the HTTP status or the error that made it so */
    private record InstanceState(URI health, boolean up, String state) {
    }
}
