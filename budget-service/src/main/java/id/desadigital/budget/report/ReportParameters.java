package id.desadigital.budget.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import id.desadigital.platform.web.ApiProblem;

/**
 * The parameters the reports share, read as data: each is checked for its form and a wrong one is a 400 naming it,
 * never a search that happens to match nothing. They arrive as text so that the message is the report's own.
 */
final class ReportParameters {

    /** The years a program may have (POST /api/budget/programs accepts the same range). */
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;
    /** Fiscal years in Indonesia follow the calendar; "this year" is Jakarta's, as a village summary's default is. */
    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    private ReportParameters() {
    }

    /** The fiscal year of parameter {@code name}; required, a whole number from 2000 to 2100. */
    static int fiscalYear(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ApiProblem.invalid(name, "is required: the fiscal year, such as 2026");
        }
        try {
            int year = Integer.parseInt(value.strip());
            if (year >= FIRST_YEAR && year <= LAST_YEAR) {
                return year;
            }
        } catch (NumberFormatException e) {
            // answered below, like a year out of range
        }
        throw ApiProblem.invalid(name, "must be a year from " + FIRST_YEAR + " to " + LAST_YEAR);
    }

    /**
     * The fiscal year of parameter {@code name} as {@link #fiscalYear} reads it, but optional: absent or blank, it is
     * this year in Jakarta by {@code clock}.
     */
    static int fiscalYearOrCurrent(String name, String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return LocalDate.now(clock.withZone(JAKARTA)).getYear();
        }
        return fiscalYear(name, value);
    }

    /** The semester of parameter {@code name}: 1 (January to June) or 2 (the whole year); required. */
    static int semester(String name, String value) {
        if ("1".equals(value) || "2".equals(value)) {
            return Integer.parseInt(value);
        }
        throw ApiProblem.invalid(name, value == null ? "is required: 1 or 2" : "must be 1 or 2");
    }
}
