package id.desadigital.budget.report;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import id.desadigital.platform.web.ApiProblem;

/** What the realization report's rows stand for. */
enum GroupBy {
    /** A kecamatan; its key the district code, its name the district's. */
    DISTRICT,
    /** A village; its key the village code. */
    VILLAGE,
    /** A spending category; see {@link RealizationReport} for what "allocated" means there. */
    CATEGORY,
    /** A program; its key the program id, its name the program's. */
    PROGRAM;

    /** What the public may group by: areas, not the internal make-up of the budget. */
    static final List<GroupBy> PUBLIC = List.of(DISTRICT, VILLAGE);

    static GroupBy of(String value, List<GroupBy> allowed) {
        String names = allowed.stream().map(g -> g.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
        if (value == null || value.isBlank()) {
            throw ApiProblem.invalid("groupBy", "is required: one of " + names);
        }
        return Arrays.stream(values())
                .filter(allowed::contains)
                .filter(g -> g.name().equalsIgnoreCase(value.strip()))
                .findFirst()
                .orElseThrow(() -> ApiProblem.invalid("groupBy", "must be one of " + names));
    }
}
