package id.desadigital.village.budget;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import id.desadigital.platform.readmodel.ReadModelSource;
import id.desadigital.village.village.BudgetFigures;
import id.desadigital.village.village.VillageView.BudgetLine;
import reactor.core.publisher.Mono;

/**
 * The figures the budget feed stored, for the village view; a village without any has an empty budget. Read from
 * the generation the feed serves, so a rebuild under way is never seen half done.
 */
@Component
class VillageBudgets implements BudgetFigures {

    private final ReactiveMongoTemplate mongo;
    private final ReadModelSource feed;

    VillageBudgets(ReactiveMongoTemplate mongo, ReadModelSource budgetFiguresFeed) {
        this.mongo = mongo;
        this.feed = budgetFiguresFeed;
    }

    @Override
    public Mono<List<BudgetLine>> of(String code) {
        return feed.collection()
                .flatMap(collection -> mongo.findById(code, VillageBudget.class, collection))
                .map(VillageBudget::lines)
                .defaultIfEmpty(List.of());
    }

    @Override
    public Mono<Map<String, List<BudgetLine>>> of(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Mono.just(Map.of());
        }
        return feed.collection()
                .flatMap(collection -> mongo.find(query(where("_id").in(codes)), VillageBudget.class, collection)
                        .collectMap(VillageBudget::code, VillageBudget::lines));
    }
}
