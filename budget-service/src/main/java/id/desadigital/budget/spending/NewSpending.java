package id.desadigital.budget.spending;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * Spending as a village head reports it, validated from POST /api/budget/allocations/{id}/spending (field by field,
 * by JsonRequest: the annotations only describe that body in the OpenAPI document).
 */
public record NewSpending(
        @Schema(requiredMode = RequiredMode.REQUIRED, minimum = "1", maximum = "10000000000000",
                description = "whole rupiah") long amount,
        @Schema(requiredMode = RequiredMode.REQUIRED) LocalDate spentOn,
        @Schema(requiredMode = RequiredMode.REQUIRED) Category category,
        @Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 1000) String description,
        @Schema(maxLength = 200) String vendor,
        @Schema(maxLength = 100) String receiptNo) {
}
