package id.desadigital.launcher;

import java.time.Duration;

/**
 * The supervisor's timing.
 *
 * @param readyTimeout  how long a process may take from start to ready before startup is abandoned
 * @param probeInterval pause between readiness checks
 * @param stopTimeout   how long a process may take to exit after SIGTERM before it is killed
 * @param backoff       delays between restarts of a process that died
 */
public record SupervisorSettings(Duration readyTimeout, Duration probeInterval, Duration stopTimeout,
                                 Backoff backoff) {

    /**
     * A Spring service starts in about 6 s alone and about twice that while others start beside it on two
     * cores; a first Kafka start also formats its storage. Three minutes leaves room for a slow disk or a
     * cold page cache without hanging forever on a process that never comes up.
     */
    static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    /** Readiness shows up within a fifth of a second at little cost (one connect or one GET). */
    static final Duration PROBE_INTERVAL = Duration.ofMillis(200);

    /**
     * Spring Boot's graceful shutdown waits up to 30 s for requests in flight; Kafka's controlled shutdown and
     * the store's final commit take a few seconds. After 40 s a process is killed.
     */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(40);

    /**
     * Restart after 1 s, then 2, 4, 8, 16, 30, 30 ... s: a crash loop neither spins the CPU nor floods the
     * log, and a process that stayed up for a minute is considered recovered.
     */
    static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(1));

    public static SupervisorSettings defaults() {
        return new SupervisorSettings(READY_TIMEOUT, PROBE_INTERVAL, STOP_TIMEOUT, BACKOFF);
    }
}
