package id.desadigital.village.administration;

import id.desadigital.village.village.VillageStatus;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** PUT /api/villages/{code}/status; the reason is required because auditors read it in the history. */
public record StatusChange(
        @NotNull VillageStatus status,
        @NotBlank @Size(max = 500) String reason) {
}
