package id.desadigital.budget.spending;

import java.time.LocalDate;

/** Spending as a village head reports it, validated from POST /api/budget/allocations/{id}/spending. */
public record NewSpending(long amount, LocalDate spentOn, Category category, String description, String vendor,
        String receiptNo) {
}
