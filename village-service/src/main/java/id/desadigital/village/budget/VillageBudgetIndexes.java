package id.desadigital.village.budget;

import java.time.Duration;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;
import org.springframework.stereotype.Component;

import reactor.core.Disposable;
import reactor.util.retry.Retry;

/**
 * Creates the unique {@code {_id, sequence}} index the projection's compare-and-set filters on. Without it the
 * writes stay correct (the filter still names {@code _id}) but a MongoDB wire-protocol store that only uses an
 * index for an exact field match would scan the whole collection on every write. Created in the background and
 * retried until MongoDB answers, so the service starts (and reports its store DOWN) while MongoDB is away.
 */
@Component
class VillageBudgetIndexes implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(VillageBudgetIndexes.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(30);

    private final ReactiveMongoTemplate mongo;
    private volatile Disposable creation;

    VillageBudgetIndexes(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void start() {
        CompoundIndexDefinition index = new CompoundIndexDefinition(new Document("_id", 1)
                .append(VillageBudget.SEQUENCE, 1));
        index.named("code_sequence").unique();
        creation = mongo.indexOps(VillageBudget.class)
                .createIndex(index)
                .retryWhen(Retry.backoff(Long.MAX_VALUE, FIRST_RETRY).maxBackoff(LONGEST_RETRY)
                        .doBeforeRetry(signal -> log.warn("Cannot create the village budget index yet: {}",
                                signal.failure().toString())))
                .subscribe(name -> log.debug("Index {} on {} is in place", name, VillageBudget.COLLECTION));
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
