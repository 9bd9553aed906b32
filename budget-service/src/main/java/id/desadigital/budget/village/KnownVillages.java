package id.desadigital.budget.village;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * The villages the budget service knows of, as village-service announced them. Allocations ask it whether a
 * village may receive money; it answers from this service's own view, so a budget write never waits on
 * village-service.
 */
@Component
public class KnownVillages {

    private final ReactiveMongoTemplate mongo;

    public KnownVillages(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The village with this code, or empty when no event about it has arrived. */
    public Mono<KnownVillage> find(String code) {
        if (code == null || code.isBlank()) {
            return Mono.empty();
        }
        return mongo.findById(code, KnownVillage.class);
    }

    /** True only for a village that is known and ACTIVE; unknown and inactive villages take no allocations. */
    public Mono<Boolean> isActive(String code) {
        return find(code).map(KnownVillage::isActive).defaultIfEmpty(false);
    }
}
