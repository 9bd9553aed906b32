package id.desadigital.village.village;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import id.desadigital.village.village.VillageView.BudgetLine;
import reactor.core.publisher.Mono;

/**
 * A village's budget figures per fiscal year, ordered by fiscal year. The registry only shows them; the budget
 * feed keeps them (from budget-events) and implements this, so the registry does not depend on the feed.
 */
public interface BudgetFigures {

    /** The figures of one village; empty when it has none. */
    Mono<List<BudgetLine>> of(String code);

    /** The figures of several villages in one read, by code; a village without figures is absent. */
    Mono<Map<String, List<BudgetLine>>> of(Collection<String> codes);
}
