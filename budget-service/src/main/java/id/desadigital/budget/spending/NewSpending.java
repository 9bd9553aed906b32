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
        @Schema(requiredMode = RequiredMode.REQUIRED, maxLength = DESCRIPTION_MAX) String description,
        @Schema(maxLength = VENDOR_MAX) String vendor,
        @Schema(maxLength = RECEIPT_NO_MAX) String receiptNo) {

    /** Longest texts accepted, in characters; the controller checks them, the document states them. */
    static final int DESCRIPTION_MAX = 1000;
    static final int VENDOR_MAX = 200;
    static final int RECEIPT_NO_MAX = 100;
}
