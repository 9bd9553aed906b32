package id.desadigital.village.administration;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** PUT /api/villages/{code}/head */
public record HeadAssignment(
        @NotBlank @Size(max = 200) String name,
        @NotNull LocalDate since) {
}
