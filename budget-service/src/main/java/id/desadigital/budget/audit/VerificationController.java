package id.desadigital.budget.audit;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import id.desadigital.platform.security.Caller;
import id.desadigital.platform.security.Role;
import id.desadigital.platform.web.ApiProblem;
import reactor.core.publisher.Mono;

/** Whether anything in the ledger was altered behind the system's back; for auditors. */
@RestController
class VerificationController {

    private final LedgerVerification verification;

    VerificationController(LedgerVerification verification) {
        this.verification = verification;
    }

    @GetMapping("/api/budget/ledger/verify")
    Mono<Answer> verify(@AuthenticationPrincipal Jwt token) {
        if (Caller.from(token).role() != Role.AUDITOR) {
            return Mono.error(ApiProblem.forbidden("Only auditors verify the ledger"));
        }
        return verification.verify().map(Answer::of);
    }

    /**
     * {"valid":true,"entries":N}, or {"valid":false,"firstBadEntry":id,...} with the chain, the entry's place in it
     * and what is wrong with it.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Answer(boolean valid, long entries, String firstBadEntry, String chain, Long seq, String reason) {

        static Answer of(LedgerVerification.Verdict verdict) {
            var bad = verdict.firstBad();
            return bad == null ? new Answer(true, verdict.entries(), null, null, null, null)
                    : new Answer(false, verdict.entries(), bad.id(), bad.chain(), bad.seq(), bad.reason());
        }
    }
}
