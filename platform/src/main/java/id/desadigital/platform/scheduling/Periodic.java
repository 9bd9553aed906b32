package id.desadigital.platform.scheduling;

import java.time.Duration;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Background work repeated on a fixed interval, one run at a time (a run that overruns skips the ticks it missed);
 * a failed run is logged and the next one comes as planned.
 */
public final class Periodic {

    private static final Logger log = LoggerFactory.getLogger(Periodic.class);

    private Periodic() {
    }

    public static Disposable every(Duration interval, Duration firstAfter, String what, Supplier<Mono<?>> run) {
        return Flux.interval(firstAfter, interval)
                .onBackpressureDrop()
                .concatMap(tick -> Mono.defer(run).onErrorResume(failure -> {
                    log.warn("{} failed; next one in {}: {}", what, interval, failure.toString());
                    return Mono.empty();
                }), 0)
                .subscribe();
    }
}
