package id.desadigital.budget.audit;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import id.desadigital.platform.security.Caller;
import id.desadigital.platform.web.ApiProblem;
import id.desadigital.platform.web.PageOf;
import id.desadigital.platform.web.Paging;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The ledger query, for auditors and finance officers, and for a village head on their own village. With
 * {@code Accept: text/csv} the same rows come as CSV: the page asked for, or every matching row when neither
 * {@code page} nor {@code size} is given (an export).
 */
@RestController
@RequestMapping("/api/budget/ledger")
class LedgerController {

    private final LedgerHistory history;

    LedgerController(LedgerHistory history) {
        this.history = history;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<PageOf<LedgerRow>> page(@RequestParam(required = false) String villageCode,
            @RequestParam(required = false) String programId, @RequestParam(required = false) String type,
            @RequestParam(required = false) String actor, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @AuthenticationPrincipal Jwt token) {
        LedgerFilter filter = LedgerFilter.of(villageCode, programId, type, actor, from, to);
        Paging paging = Paging.of(page, size);
        requireAllowed(filter, Caller.from(token));
        return history.page(filter, paging);
    }

    @GetMapping(produces = "text/csv")
    Flux<String> csv(@RequestParam(required = false) String villageCode,
            @RequestParam(required = false) String programId, @RequestParam(required = false) String type,
            @RequestParam(required = false) String actor, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @AuthenticationPrincipal Jwt token) {
        LedgerFilter filter = LedgerFilter.of(villageCode, programId, type, actor, from, to);
        Paging paging = page == null && size == null ? null : Paging.of(page, size);
        requireAllowed(filter, Caller.from(token));
        Flux<LedgerRow> rows = paging == null ? history.all(filter)
                : history.page(filter, paging).flatMapIterable(PageOf::items);
        return Flux.concat(Mono.just(LedgerCsv.HEADER), rows.map(LedgerCsv::line));
    }

    private static void requireAllowed(LedgerFilter filter, Caller caller) {
        switch (caller.role()) {
            case AUDITOR, FINANCE_OFFICER -> { }
            case VILLAGE_HEAD -> {
                if (!caller.villageCode().equals(filter.villageCode())) {
                    throw ApiProblem.forbidden("A village head reads the ledger of their own village only: ask with "
                            + "villageCode=" + caller.villageCode());
                }
            }
            default -> throw ApiProblem.forbidden("Only auditors, finance officers and village heads read the ledger");
        }
    }
}
