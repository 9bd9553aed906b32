package id.desadigital.platform.observability;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import reactor.util.context.ContextView;

/**
 * Carries a request's trace where Micrometer's own instrumentation does not: into work that runs detached from the
 * request (the batched compare-and-set of budget-service, an outbox relay), through the outbox (the W3C
 * {@value #TRACEPARENT} stored with a change and set as the header of its Kafka record when it is relayed, maybe
 * minutes later by the sweep), and out of a batch of consumed records, one record at a time, into the log lines
 * written for it. docs/observability.md follows one trace through them.
 */
public class Traces {

    /** The W3C Trace Context header, on HTTP requests and on Kafka records alike. */
    public static final String TRACEPARENT = "traceparent";
    /**
     * The logger of one line per consumed event ({@link #consumed}), at DEBUG: off by default, since a consumer
     * takes hundreds of events a second; {@code LOGGING_LEVEL_DESA_EVENTS=DEBUG} turns it on.
     */
    public static final String EVENT_LOG = "desa.events";

    private static final Logger EVENTS = LoggerFactory.getLogger(EVENT_LOG);

    private final Tracer tracer;
    private final Propagator propagator;

    public Traces(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** Traces where nothing is traced: no trace is ever current, none is carried. */
    public static Traces none() {
        return new Traces(Tracer.NOOP, Propagator.NOOP);
    }

    /** The traceparent of the span current on this thread; null outside any. */
    public String current() {
        return traceparent(tracer.currentSpan());
    }

    /** The traceparent of the request whose Reactor context this is ({@link #spanOf}); null outside any. */
    public String traceparent(ContextView context) {
        return traceparent(spanOf(context));
    }

    private String traceparent(Span span) {
        if (span == null) {
            return null;
        }
        Map<String, String> headers = new HashMap<>();
        propagator.inject(span.context(), headers, Map::put);
        return headers.get(TRACEPARENT);
    }

    /**
     * The span of the observed work (an HTTP request) whose Reactor context this is, or null: Spring puts the
     * request's observation in the context, not on the thread, so code that leaves the request's chain takes the
     * span along explicitly and later makes it current with {@link #resume(Span)}.
     */
    public Span spanOf(ContextView context) {
        Observation observation = context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
        if (observation == null) {
            return null;
        }
        TracingObservationHandler.TracingContext tracing = observation.getContextView()
                .get(TracingObservationHandler.TracingContext.class);
        return tracing == null ? null : tracing.getSpan();
    }

    /** Makes {@code span} current on this thread (and in the logs' MDC) until closed; does nothing for null. */
    public Scope resume(Span span) {
        if (span == null) {
            return Scope.NONE;
        }
        Tracer.SpanInScope inScope = tracer.withSpan(span);
        return inScope::close;
    }

    /** {@link #resume(Span)} of the request whose Reactor context this is. */
    public Scope resume(ContextView context) {
        return resume(spanOf(context));
    }

    /**
     * A span of this process continuing the trace a consumed record carries (its {@value #TRACEPARENT} header),
     * current until closed, so that what is logged for the record shows the trace of the request that made it.
     * Records without the header start a trace of their own.
     */
    public Scope consuming(ConsumerRecord<?, ?> record, String name) {
        Span span = propagator.extract(record, Traces::header).kind(Span.Kind.CONSUMER).name(name).start();
        Tracer.SpanInScope inScope = tracer.withSpan(span);
        return () -> {
            inScope.close();
            span.end();
        };
    }

    /**
     * Logs what became of a consumed event ({@value #EVENT_LOG}, DEBUG) in the trace its record carries, so that
     * the line shows the trace id of the request that made the event. Costs nothing while the log is off.
     */
    public void consumed(ConsumerRecord<?, ?> record, String eventId, Object outcome) {
        if (!EVENTS.isDebugEnabled()) {
            return;
        }
        try (Scope inTrace = consuming(record, record.topic() + " receive")) {
            EVENTS.debug("{} {} of {} at {}-{}@{}", outcome, eventId, record.key(), record.topic(), record.partition(),
                    record.offset());
        }
    }

    /** A record to send, carrying {@code traceparent} (when not null) as its header. */
    public static ProducerRecord<String, String> record(String topic, String key, String value, String traceparent) {
        RecordHeaders headers = new RecordHeaders();
        if (traceparent != null) {
            headers.add(TRACEPARENT, traceparent.getBytes(StandardCharsets.US_ASCII));
        }
        return new ProducerRecord<>(topic, null, key, value, headers);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A trace made current for a while; closing it never throws. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {

        Scope NONE = () -> {
        };

        @Override
        void close();
    }
}
