package id.desadigital.village.village;

import java.util.List;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/** Villages as the API shows them: the registry's data with the budget figures joined in. */
@Component
public class VillageViews {

    private final BudgetFigures budgets;

    public VillageViews(BudgetFigures budgets) {
        this.budgets = budgets;
    }

    public Mono<VillageView> of(Village village) {
        return budgets.of(village.code()).map(budget -> VillageView.of(village, budget));
    }

    /**
     * The village with code {@code code} that {@code village} reads, its figures read at the same time; empty or
     * failing as {@code village} does.
     */
    public Mono<VillageView> of(String code, Mono<Village> village) {
        return village.zipWith(budgets.of(code), VillageView::of);
    }

    /** One read of figures for all of {@code villages}, whatever their number, in their order. */
    public Mono<List<VillageView>> of(List<Village> villages) {
        return budgets.of(villages.stream().map(Village::code).toList())
                .map(budget -> villages.stream()
                        .map(village -> VillageView.of(village, budget.getOrDefault(village.code(), List.of())))
                        .toList());
    }
}
