package id.desadigital.village.village;

import java.time.LocalDate;

/** The village head (kepala desa, or the lurah of a kelurahan) and the day they took office. */
public record Head(String name, LocalDate since) {
}
