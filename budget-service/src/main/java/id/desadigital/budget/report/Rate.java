package id.desadigital.budget.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Ratios of rupiah figures. Money stays whole rupiah in a {@code long}; only the ratio is a decimal, computed exactly
 * with BigDecimal from the two longs and rounded once, half up, so the same figures always give the same rate on
 * every machine (a double would not: 0.1 has no exact binary form).
 */
final class Rate {

    private Rate() {
    }

    /** spent / allocated to 4 decimals (0.4167), as the realization report's {@code rate}; null when nothing is allocated. */
    static BigDecimal of(long spent, long allocated) {
        if (allocated == 0) {
            return null;
        }
        return BigDecimal.valueOf(spent).divide(BigDecimal.valueOf(allocated), 4, RoundingMode.HALF_UP);
    }

    /** spent / allocated as a percentage to 2 decimals (41.67), as the semester report prints it; null when nothing is allocated. */
    static BigDecimal percent(long spent, long allocated) {
        if (allocated == 0) {
            return null;
        }
        return BigDecimal.valueOf(spent).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(allocated), 2, RoundingMode.HALF_UP);
    }
}
