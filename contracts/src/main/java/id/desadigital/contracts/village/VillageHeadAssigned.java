package id.desadigital.contracts.village;

import java.time.LocalDate;

/** A village head (kepala desa, or lurah of a kelurahan) took office on {@code since}. */
public record VillageHeadAssigned(String code, String name, LocalDate since) {
}
