package id.desadigital.budget.report;

import java.time.Clock;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import id.desadigital.budget.request.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import reactor.core.publisher.Mono;

/**
 * A village's year for the public transparency portal, without a token ({@link PublicVillageBudgets}). Kept in
 * {@link PublicAnswers} like the other public reports: anyone may ask as often as they like, and each answer reads
 * the village's whole chain of entries.
 */
@RestController
class PublicVillageBudgetController {

    /** About what the answer takes in memory besides the spending's texts, to weigh what is kept. */
    private static final int ANSWER_BYTES = 600;
    private static final int ALLOCATION_BYTES = 300;
    private static final int SPENDING_BYTES = 350;

    private final PublicVillageBudgets budgets;
    private final PublicAnswers publicAnswers;
    private final Clock clock;

    PublicVillageBudgetController(PublicVillageBudgets budgets, PublicAnswers publicAnswers, Clock clock) {
        this.budgets = budgets;
        this.publicAnswers = publicAnswers;
        this.clock = clock;
    }

    @GetMapping(path = "/api/public/villages/{code}/budget", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A village's allocations and spending in a fiscal year; no token",
            description = """
                    What the village was allocated in the fiscal year, program by program, what it spent from each \
                    and every spending it reported (newest first; a reversed one stays listed as REVERSED and counts \
                    in no figure). The figures are those of the village's signed-in summary; rate is spent / \
                    allocated to 4 decimals, null when nothing is allocated. No user of the system is named. A \
                    malformed code or fiscalYear is a 400 naming it; a village this service has not heard of is a \
                    404; a known village without allocations that year has zeros and empty lists. Answers may be \
                    up to PUBLIC_REPORT_CACHE_TTL (60 s) old.""")
    Mono<PublicVillageBudget> budget(@PathVariable String code,
            @Parameter(description = "2000 to 2100; this year in Jakarta when left out")
            @RequestParam(required = false) String fiscalYear) {
        QueryParameters.villageCode("code", code);
        int year = ReportParameters.fiscalYearOrCurrent("fiscalYear", fiscalYear, clock);
        return publicAnswers.get(new VillageYear(code, year), () -> budgets.of(code, year),
                PublicVillageBudgetController::bytes);
    }

    private static int bytes(PublicVillageBudget answer) {
        long bytes = ANSWER_BYTES + (long) answer.allocations().size() * ALLOCATION_BYTES;
        for (PublicVillageBudget.Spending spending : answer.spending()) {
            bytes += SPENDING_BYTES + length(spending.description()) + length(spending.vendor())
                    + length(spending.receiptNo());
        }
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }

    private record VillageYear(String villageCode, int fiscalYear) {
    }
}
