package id.desadigital.budget.ledger;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.util.retry.Retry;

/**
 * Creates the indexes of the outboxed collections (see {@link OutboxedCollection#ensureIndexes}) in the background,
 * retried until MongoDB answers, so that the service starts (and reports its store DOWN) while MongoDB is away.
 */
@Component
class LedgerIndexes implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LedgerIndexes.class);

    private final ReactiveMongoTemplate mongo;
    private final List<OutboxedCollection<?>> collections;
    private volatile Disposable creation;

    LedgerIndexes(ReactiveMongoTemplate mongo, List<OutboxedCollection<?>> collections) {
        this.mongo = mongo;
        this.collections = collections;
    }

    @Override
    public void start() {
        creation = Flux.fromIterable(collections)
                .concatMap(collection -> collection.ensureIndexes(mongo))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30))
                        .doBeforeRetry(signal -> log.warn("Cannot create the ledger indexes yet: {}",
                                signal.failure().toString())))
                .subscribe();
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
