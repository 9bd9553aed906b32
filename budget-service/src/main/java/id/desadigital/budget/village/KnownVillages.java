package id.desadigital.budget.village;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import id.desadigital.platform.readmodel.ReadModelSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The villages the budget service knows of, as village-service announced them. Allocations ask it whether a
 * village may receive money; it answers from this service's own view, so a budget write never waits on
 * village-service.
 */
@Component
public class KnownVillages {

    private final ReactiveMongoTemplate mongo;
    private final ReadModelSource feed;

    /** Reads the generation of the view the feed serves, so a rebuild under way is never seen half done. */
    public KnownVillages(ReactiveMongoTemplate mongo, ReadModelSource knownVillagesFeed) {
        this.mongo = mongo;
        this.feed = knownVillagesFeed;
    }

    /** The village with this code, or empty when no event about it has arrived. */
    public Mono<KnownVillage> find(String code) {
        if (code == null || code.isBlank()) {
            return Mono.empty();
        }
        return feed.collection().flatMap(collection -> mongo.findById(code, KnownVillage.class, collection));
    }

    /**
     * The villages in an area: {@code areaCode} is a province, regency or district code ({@code 33}, {@code 33.03},
     * {@code 33.03.01}), already checked for that form by the caller; null means every village. Matched as an
     * anchored prefix of {@code _id} ({@code ^33\.03\.}), the form MongoDB answers from the {@code _id} index and
     * the embedded store by scanning only the index keys; equality on {@code regencyCode} would read every document.
     * Read as {@code view}, a record whose components are some of {@link KnownVillage}'s: only those fields leave
     * the store (a national report moves 84,000 villages' names, not their stream positions).
     */
    public <T> Flux<T> within(String areaCode, Class<T> view) {
        Query query = areaCode == null ? new Query()
                : query(where("_id").regex("^" + areaCode.replace(".", "\\.") + "\\."));
        return feed.collection().flatMapMany(collection -> mongo.query(KnownVillage.class).inCollection(collection)
                .as(view).matching(query).all());
    }

    /** True only for a village that is known and ACTIVE; unknown and inactive villages take no allocations. */
    public Mono<Boolean> isActive(String code) {
        return find(code).map(KnownVillage::isActive).defaultIfEmpty(false);
    }
}
