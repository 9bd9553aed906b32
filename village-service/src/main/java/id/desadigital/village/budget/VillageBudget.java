package id.desadigital.village.budget;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import id.desadigital.village.village.VillageView.BudgetLine;

/**
 * One village's budget figures, built only from {@code budget-events}, in a collection of their own so that the
 * registry's documents (their version, history and outbox) never change because of the ledger. Keyed by village
 * code alone: the figures of a village this service does not know (yet) are kept all the same.
 *
 * @param sequence the sequence of the last budget event applied (the budget stream's own count for this village,
 *     unrelated to the registry's {@code version}); 0 before the first
 * @param lastEventId the id of that event, which tells its redelivery from another event claiming its sequence
 * @param years one entry per fiscal year with any entry, ordered by fiscal year
 */
@Document(VillageBudget.COLLECTION)
record VillageBudget(
        @Id String code,
        long sequence,
        String lastEventId,
        Instant lastEventAt,
        List<YearFigures> years) {

    static final String COLLECTION = "village_budgets";
    static final String SEQUENCE = "sequence";

    VillageBudget {
        years = years == null ? List.of() : List.copyOf(years);
    }

    /** Where a village stands before its first budget event. */
    static VillageBudget none(String code) {
        return new VillageBudget(code, 0, null, null, List.of());
    }

    /**
     * The figures after {@code event}, which becomes the last applied.
     *
     * @throws ArithmeticException when a figure would overflow
     */
    VillageBudget apply(BudgetEvent event) {
        List<YearFigures> next = new ArrayList<>(years.size() + 1);
        boolean found = false;
        for (YearFigures year : years) {
            if (year.fiscalYear() == event.fiscalYear()) {
                next.add(year.plus(event.movement()));
                found = true;
            } else {
                next.add(year);
            }
        }
        if (!found) {
            next.add(YearFigures.empty(event.fiscalYear()).plus(event.movement()));
            next.sort(Comparator.comparingInt(YearFigures::fiscalYear));
        }
        return new VillageBudget(code, event.sequence(), event.eventId(), event.occurredAt(), next);
    }

    List<BudgetLine> lines() {
        return years.stream().map(YearFigures::line).toList();
    }
}
