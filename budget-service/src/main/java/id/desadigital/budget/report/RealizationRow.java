package id.desadigital.budget.report;

import java.math.BigDecimal;

/**
 * One group of the realization report.
 *
 * @param key       the district or village code, the program id, or the category
 * @param name      its name as this service knows it; null for an area whose name it never heard
 * @param allocated whole rupiah
 * @param spent     whole rupiah
 * @param rate      spent / allocated, rounded half up to 4 decimals ({@link Rate}); null when allocated is 0
 */
public record RealizationRow(String key, String name, long allocated, long spent, BigDecimal rate) {

    static RealizationRow of(String key, String name, long allocated, long spent) {
        return new RealizationRow(key, name, allocated, spent, Rate.of(spent, allocated));
    }
}
