package id.desadigital.platform.mongo;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Creates a service's indexes in the background, retried until MongoDB answers, so that the service starts (and
 * reports its store DOWN) while MongoDB is away. The indexes a compare-and-set filters on matter beyond speed on the
 * embedded store: it answers a filter from an index only when the filter names exactly a unique index's fields.
 */
public abstract class IndexesInBackground implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IndexesInBackground.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(30);

    private final String what;
    private volatile Disposable creation;

    protected IndexesInBackground(String what) {
        this.what = what;
    }

    /** Creates the indexes; idempotent, as it runs at every start. */
    protected abstract Mono<?> create();

    @Override
    public void start() {
        creation = Mono.defer(this::create)
                .retryWhen(Retry.backoff(Long.MAX_VALUE, FIRST_RETRY).maxBackoff(LONGEST_RETRY)
                        .doBeforeRetry(signal -> log.warn("Cannot create the {} yet: {}", what,
                                signal.failure().toString())))
                .subscribe(done -> { }, failure -> log.error("Giving up on the {}", what, failure),
                        () -> log.debug("The {} are in place", what));
    }

    @Override
    public void stop() {
        Disposable running = creation;
        if (running != null) {
            running.dispose();
        }
        creation = null;
    }

    @Override
    public boolean isRunning() {
        return creation != null;
    }
}
