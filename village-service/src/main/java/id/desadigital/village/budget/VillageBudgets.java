package id.desadigital.village.budget;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import id.desadigital.village.village.BudgetFigures;
import id.desadigital.village.village.VillageView.BudgetLine;
import reactor.core.publisher.Mono;

/** The figures the budget feed stored, for the village view; a village without any has an empty budget. */
@Component
class VillageBudgets implements BudgetFigures {

    private final ReactiveMongoTemplate mongo;

    VillageBudgets(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Mono<List<BudgetLine>> of(String code) {
        return mongo.findById(code, VillageBudget.class)
                .map(VillageBudget::lines)
                .defaultIfEmpty(List.of());
    }

    @Override
    public Mono<Map<String, List<BudgetLine>>> of(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Mono.just(Map.of());
        }
        return mongo.find(query(where("_id").in(codes)), VillageBudget.class)
                .collectMap(VillageBudget::code, VillageBudget::lines);
    }
}
