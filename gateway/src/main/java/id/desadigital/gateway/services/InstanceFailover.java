package id.desadigital.gateway.services;

import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Sends a routed request to another instance of its service when the one chosen failed in a way that
 * {@link ConnectionFailures#retryable} allows: never sent (any method), or lost before an answer (GET, HEAD,
 * OPTIONS). An instance that refused is left out of the rotation meanwhile ({@link ServiceInstances}), so the retry
 * goes elsewhere, within {@link ServiceInstances#retries} retries.
 *
 * <p>Runs just before the request URL is taken from the route, so that each attempt starts from {@code lb://} again
 * and the load balancer chooses anew. Request bodies are not buffered for this: a body is read only once a connection
 * is made, so a request that was never sent still has all of it, and one that was sent is a safe method's, without
 * one. Nothing is retried once the client's response has begun.
 */
class InstanceFailover implements GlobalFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(InstanceFailover.class);

    private final ServiceInstances instances;

    InstanceFailover(ServiceInstances instances) {
        this.instances = instances;
    }

    @Override
    public int getOrder() {
        return RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER - 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        URI target = route == null ? null : route.getUri();
        if (target == null || !"lb".equals(target.getScheme())) {
            return chain.filter(exchange);
        }
        return Mono.defer(() -> chain.filter(exchange))
                .retryWhen(Retry.max(instances.retries(target.getHost()))
                        .filter(failure -> !exchange.getResponse().isCommitted()
                                && ConnectionFailures.retryable(exchange.getRequest().getMethod(), failure))
                        .doBeforeRetry(signal -> {
                            log.debug("{} {} failed on one instance of {}, trying again: {}",
                                    exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                                    target.getHost(), signal.failure().toString());
                            ServerWebExchangeUtils.reset(exchange);
                        })
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
    }
}
