package id.desadigital.system.faults;

import static org.awaitility.Awaitility.await;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import org.awaitility.core.ConditionTimeoutException;
import java.util.function.IntFunction;

import id.desadigital.system.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * One client of the budget API behaving as docs/api-reference.md asks integrators to: every write has an
 * Idempotency-Key of its own, and a write whose answer did not come (no connection, a timeout, a 5xx, a 409 saying
 * the key is still being handled or the document contended) is sent again, with the same key and the same body,
 * until the system answers it for good: the write's success status, or a 409 by which a budget rule refused it.
 * Writes follow one another until {@link #stop()}; the one under way is still answered.
 */
final class PatientClient implements Runnable {

    /**
     * Pause before each write: six clients keep writes under way at any time, yet leave a two-core machine most of its
     * CPU for restarting the process just killed, which is what the test waits for.
     */
    private static final Duration PACE = Duration.ofMillis(200);
    /** Pause between the attempts of one write. */
    private static final Duration RETRY_INTERVAL = Duration.ofMillis(250);
    /** How long one attempt waits for its answer before the client counts it lost and sends the write again. */
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(20);
    /**
     * A write must be answered for good within this, through one kill and the restart after it: a service restarts in
     * 10 to 30 s on two cores, but took close to three minutes while other builds loaded the machine.
     */
    private static final Duration WRITE_DEADLINE = Duration.ofMinutes(5);
    private static final String STILL_BEING_HANDLED = "still being handled";
    private static final String CONTENDED = "urn:desa-digital:problem:contended";

    /** One write as its client means it: where, what, under which key, and the status that says it was done. */
    record Write(String key, String url, Map<String, Object> body, int success, String allocationId) {

        long number(String field) {
            return ((Number) body.get(field)).longValue();
        }
    }

    /** A write's definitive answer, after how many attempts. */
    record Answered(Write write, int status, JsonNode body, int attempts) {

        boolean done() {
            return status == write.success();
        }
    }

    private final String name;
    private final String token;
    private final IntFunction<Write> plan;
    private final Map<String, LongAdder> repeatedBecause;
    private final List<Answered> answered = new CopyOnWriteArrayList<>();
    private volatile boolean stopping;
    private volatile boolean sending;
    private volatile Throwable failure;

    /**
     * @param plan            the client's n-th write (from 1)
     * @param repeatedBecause tallies, shared by the clients, of why attempts were repeated
     */
    PatientClient(String name, String token, IntFunction<Write> plan, Map<String, LongAdder> repeatedBecause) {
        this.name = name;
        this.token = token;
        this.plan = plan;
        this.repeatedBecause = repeatedBecause;
    }

    @Override
    public void run() {
        try {
            for (int n = 1; !stopping; n++) {
                answered.add(untilAnswered(plan.apply(n)));
            }
        } catch (RuntimeException | AssertionError e) {
            failure = e;
        }
    }

    void stop() {
        stopping = true;
    }

    String name() {
        return name;
    }

    List<Answered> answered() {
        return List.copyOf(answered);
    }

    /** Whether an attempt of this client is waiting for its answer now. */
    boolean sending() {
        return sending;
    }

    Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    private Answered untilAnswered(Write write) {
        AtomicInteger attempts = new AtomicInteger();
        AtomicReference<Api.Answer> answer = new AtomicReference<>();
        AtomicReference<String> lastMiss = new AtomicReference<>();
        try {
            await().atMost(WRITE_DEADLINE).pollInSameThread().pollDelay(PACE).pollInterval(RETRY_INTERVAL)
                    .until(() -> {
                        attempts.incrementAndGet();
                        attempt(write, lastMiss).ifPresent(answer::set);
                        return answer.get() != null;
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(name + ": no definitive answer within " + WRITE_DEADLINE + " to the write with "
                    + "Idempotency-Key " + write.key() + " to " + write.url() + " after " + attempts + " attempts; the "
                    + "last: " + lastMiss, e);
        }
        return new Answered(write, answer.get().status(), answer.get().json(), attempts.get());
    }

    /** The definitive answer, or empty when the write must be sent again (and {@code miss} says why). */
    private Optional<Api.Answer> attempt(Write write, AtomicReference<String> miss) {
        Api.Answer answer;
        sending = true;
        try {
            answer = Api.send("POST", write.url(), token, write.body(), Map.of("Idempotency-Key", write.key()),
                    ATTEMPT_TIMEOUT);
        } catch (UncheckedIOException lost) {
            miss.set(lost.getCause().toString());
            return again(lost.getCause().getClass().getSimpleName());
        } finally {
            sending = false;
        }
        if (answer.status() == write.success()) {
            return Optional.of(answer);
        }
        miss.set(answer.toString());
        if (answer.status() == 409) {
            JsonNode problem = answer.json();
            if (problem.path("detail").asString().contains(STILL_BEING_HANDLED)) {
                return again("409 still being handled");
            }
            if (problem.path("type").asString().equals(CONTENDED)) {
                return again("409 contended");
            }
            return Optional.of(answer);
        }
        if (answer.status() >= 500) {
            return again("HTTP " + answer.status());
        }
        throw new AssertionError(name + ": the write with Idempotency-Key " + write.key() + " to " + write.url()
                + " was answered " + answer + ", which no repeat can change");
    }

    private Optional<Api.Answer> again(String reason) {
        repeatedBecause.computeIfAbsent(reason, key -> new LongAdder()).increment();
        return Optional.empty();
    }
}
