package id.desadigital.budget.report;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/**
 * The realization report: for finance officers and auditors by district, village, category or program; for anyone,
 * without a token, by district or village. The public rows are the same rows: keys, names of areas, and figures,
 * nothing about who moved the money (no actor, vendor, receipt or description is read at all).
 *
 * <p>Both may be narrowed to a province, regency or district ({@code provinceCode}, {@code regencyCode},
 * {@code districtCode}).
 */
@RestController
class RealizationController {

    /** About what a row takes in memory (a record, a key, a name and a rate), to weigh what is kept. */
    private static final int ROW_BYTES = 200;

    private final RealizationReport report;
    private final PublicAnswers publicAnswers;

    RealizationController(RealizationReport report, PublicAnswers publicAnswers) {
        this.report = report;
        this.publicAnswers = publicAnswers;
    }

    @GetMapping(path = "/api/budget/reports/realization", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('FINANCE_OFFICER', 'AUDITOR')")
    Mono<List<RealizationRow>> realization(@RequestParam(required = false) String fiscalYear,
            @RequestParam(required = false) String groupBy, @RequestParam(required = false) String provinceCode,
            @RequestParam(required = false) String regencyCode, @RequestParam(required = false) String districtCode) {
        int year = ReportParameters.fiscalYear("fiscalYear", fiscalYear);
        GroupBy groups = GroupBy.of(groupBy, List.of(GroupBy.values()));
        Area area = Area.of(provinceCode, regencyCode, districtCode);
        return report.rows(year, groups, area);
    }

    @GetMapping(path = "/api/public/realization", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<List<RealizationRow>> publicRealization(@RequestParam(required = false) String fiscalYear,
            @RequestParam(required = false) String groupBy, @RequestParam(required = false) String provinceCode,
            @RequestParam(required = false) String regencyCode, @RequestParam(required = false) String districtCode) {
        int year = ReportParameters.fiscalYear("fiscalYear", fiscalYear);
        GroupBy groups = GroupBy.of(groupBy, GroupBy.PUBLIC);
        Area area = Area.of(provinceCode, regencyCode, districtCode);
        return publicAnswers.get(new PublicKey(year, groups, area), () -> report.rows(year, groups, area),
                rows -> rows.size() * ROW_BYTES);
    }

    private record PublicKey(int fiscalYear, GroupBy groupBy, Area area) {
    }
}
