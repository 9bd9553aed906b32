package id.desadigital.budget.spending;

import java.time.LocalDate;

/** A spending as the API shows it; {@code status} is RECORDED, or REVERSED once reversed. */
public record SpendingView(String id, String allocationId, String villageCode, long amount, LocalDate spentOn,
        String category, String status) {
}
