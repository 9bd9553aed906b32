package id.desadigital.budget.summary;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import id.desadigital.budget.allocation.AllocationView;
import id.desadigital.budget.allocation.Allocations;
import id.desadigital.budget.request.QueryParameters;
import id.desadigital.platform.security.Caller;
import id.desadigital.platform.security.Role;
import id.desadigital.platform.web.ApiProblem;
import reactor.core.publisher.Mono;

/**
 * A village's budget summary, for finance officers, auditors and the head of that village. {@code asOf} answers
 * from the ledger (what had been recorded by that instant); without it, from the village's account.
 */
@RestController
@RequestMapping("/api/budget/villages/{code}/summary")
public class SummaryController {

    /** Fiscal years in Indonesia follow the calendar; "this year" is Jakarta's. */
    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    private final Allocations allocations;
    private final LedgerSummaries ledgerSummaries;

    public SummaryController(Allocations allocations, LedgerSummaries ledgerSummaries) {
        this.allocations = allocations;
        this.ledgerSummaries = ledgerSummaries;
    }

    @GetMapping
    public Mono<VillageSummary> summary(@PathVariable String code, @RequestParam(required = false) Integer fiscalYear,
            @RequestParam(required = false) String asOf, @AuthenticationPrincipal Jwt token) {
        QueryParameters.villageCode("code", code);
        Caller caller = Caller.from(token);
        boolean ownHead = caller.role() == Role.VILLAGE_HEAD && code.equals(caller.villageCode());
        if (!ownHead && caller.role() != Role.FINANCE_OFFICER && caller.role() != Role.AUDITOR) {
            return Mono.error(ApiProblem.forbidden("Only finance officers, auditors and the village's head see its summary"));
        }
        int year = fiscalYear != null ? fiscalYear : LocalDate.now(JAKARTA).getYear();
        if (asOf != null) {
            return ledgerSummaries.asOf(code, year, QueryParameters.instant("asOf", asOf));
        }
        return allocations.list(null, code)
                .filter(allocation -> allocation.fiscalYear() == year)
                .collectSortedList(Comparator.comparing(AllocationView::programId))
                .map(list -> VillageSummary.of(code, year, list));
    }
}
