package id.desadigital.gateway.user;

import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import id.desadigital.gateway.problem.ApiProblem;
import id.desadigital.gateway.services.ConnectionFailures;
import id.desadigital.gateway.services.ServiceInstances;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Asks village-service whether a village exists and is active, so a village head is never scoped to a village the
 * system does not know. The caller's own token is forwarded: the gateway holds no credentials of its own. Any
 * instance will do: the load balancer chooses one, and another when the one chosen cannot be reached.
 */
@Component
class VillageRegistry {

    private static final Logger log = LoggerFactory.getLogger(VillageRegistry.class);
    private static final String INACTIVE = "INACTIVE";

    private static final URI VILLAGE_SERVICE = URI.create("http://" + ServiceInstances.VILLAGE_SERVICE);

    private final WebClient client;
    private final int retries;

    VillageRegistry(WebClient loadBalancedServiceWebClient, ServiceInstances instances) {
        this.client = loadBalancedServiceWebClient;
        this.retries = instances.retries(ServiceInstances.VILLAGE_SERVICE);
    }

    /** Completes when the village is known and active; 422 when it is not; 503 when the registry cannot tell. */
    Mono<Void> requireActive(String villageCode, String bearerToken) {
        URI village = UriComponentsBuilder.fromUri(VILLAGE_SERVICE).path("/api/villages/{code}")
                .buildAndExpand(villageCode).encode().toUri();
        return client.get().uri(village)
                .headers(headers -> headers.setBearerAuth(bearerToken))
                .exchangeToMono(response -> judge(villageCode, response))
                .retryWhen(Retry.max(retries).filter(error -> ConnectionFailures.retryable(HttpMethod.GET, error)))
                .onErrorMap(error -> !(error instanceof ApiProblem), error -> {
                    log.warn("Village registry not reachable: {}", error.toString());
                    return unreachable();
                });
    }

    private Mono<Void> judge(String villageCode, ClientResponse response) {
        if (response.statusCode().is2xxSuccessful()) {
            return response.bodyToMono(VillageState.class)
                    .flatMap(state -> INACTIVE.equals(state.status())
                            ? Mono.error(ApiProblem.unprocessable("The village " + villageCode + " is inactive"))
                            : Mono.<Void>empty());
        }
        if (response.statusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
            return response.releaseBody()
                    .then(Mono.error(ApiProblem.unprocessable("Unknown village " + villageCode)));
        }
        log.warn("Village registry answered {} for {}", response.statusCode().value(), villageCode);
        return response.releaseBody().then(Mono.error(unreachable()));
    }

    private static ApiProblem unreachable() {
        return ApiProblem.unavailable("The village registry cannot confirm the village right now; try again shortly");
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record VillageState(String status) {
    }
}
