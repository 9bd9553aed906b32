package id.desadigital.gateway.observability;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;
import reactor.core.publisher.Mono;

/**
 * One line per request ({@value #LOGGER}, DEBUG: off by default, {@code LOGGING_LEVEL_DESA_ACCESS=DEBUG} turns it
 * on) with its method, path, status and time, written in the request's trace: the line's trace id is the one the
 * proxied request carries to the service (traceparent) and on into the Kafka records of what it changed, so one
 * request can be followed through every log (docs/observability.md). The query string is left out: it can hold
 * what someone searched for.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccessLogWebFilter implements WebFilter {

    static final String LOGGER = "desa.access";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    private final Tracer tracer;

    AccessLogWebFilter(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!log.isDebugEnabled()) {
            return chain.filter(exchange);
        }
        long start = System.nanoTime();
        // The request's observation (and so its span) is in the Reactor context, not on the thread that finishes it.
        return chain.filter(exchange).transformDeferredContextual((done, context) -> done
                .doFinally(signal -> {
                    Observation observation = context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
                    try (Tracer.SpanInScope inTrace = tracer.withSpan(spanOf(observation))) {
                        log.debug("{} {} {} {} ms", exchange.getRequest().getMethod(),
                                exchange.getRequest().getPath().value(), exchange.getResponse().getStatusCode(),
                                (System.nanoTime() - start) / 1_000_000);
                    }
                }));
    }

    private static Span spanOf(Observation observation) {
        if (observation == null) {
            return null;
        }
        TracingObservationHandler.TracingContext tracing = observation.getContextView()
                .get(TracingObservationHandler.TracingContext.class);
        return tracing == null ? null : tracing.getSpan();
    }
}
