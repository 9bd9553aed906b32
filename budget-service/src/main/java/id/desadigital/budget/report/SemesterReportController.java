package id.desadigital.budget.report;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import id.desadigital.budget.request.QueryParameters;
import id.desadigital.platform.security.Caller;
import id.desadigital.platform.security.Role;
import id.desadigital.platform.web.ApiProblem;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A village's semester realization report as CSV ({@link SemesterReport}), for finance officers, auditors and the
 * head of that village only, as its summary is.
 */
@RestController
class SemesterReportController {

    private final SemesterReport report;

    SemesterReportController(SemesterReport report) {
        this.report = report;
    }

    @GetMapping(path = "/api/budget/villages/{code}/reports/realization", produces = "text/csv")
    Mono<ResponseEntity<Flux<String>>> report(@PathVariable String code,
            @RequestParam(required = false) String fiscalYear, @RequestParam(required = false) String semester,
            @AuthenticationPrincipal Jwt token) {
        QueryParameters.villageCode("code", code);
        Caller caller = Caller.from(token);
        boolean ownHead = caller.role() == Role.VILLAGE_HEAD && code.equals(caller.villageCode());
        if (!ownHead && caller.role() != Role.FINANCE_OFFICER && caller.role() != Role.AUDITOR) {
            return Mono.error(ApiProblem.forbidden(
                    "Only finance officers, auditors and the village's head see its realization report"));
        }
        int year = ReportParameters.fiscalYear("fiscalYear", fiscalYear);
        int half = ReportParameters.semester("semester", semester);
        return report.csv(code, year, half).map(lines -> ResponseEntity.ok()
                .contentType(FiscalDataController.CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"realisasi-" + code + "-" + year + "-semester-" + half + ".csv\"")
                .body(Flux.fromIterable(lines)));
    }
}
