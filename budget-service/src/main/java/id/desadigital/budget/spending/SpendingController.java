package id.desadigital.budget.spending;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import id.desadigital.budget.request.JsonRequest;
import id.desadigital.platform.security.Caller;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** Spending: a village head reports it against their village's allocation; it can be reversed once. */
@RestController
@RequestMapping("/api/budget")
public class SpendingController {

    private final Spendings spendings;

    public SpendingController(Spendings spendings) {
        this.spendings = spendings;
    }

    @PostMapping("/allocations/{allocationId}/spending")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('VILLAGE_HEAD')")
    public Mono<SpendingView> spend(@PathVariable String allocationId, @RequestBody JsonNode body,
            @AuthenticationPrincipal Jwt caller) {
        JsonRequest request = JsonRequest.of(body);
        NewSpending spending = new NewSpending(request.rupiah("amount"), request.date("spentOn"),
                request.oneOf("category", Category.class), request.text("description", 1000),
                request.optionalText("vendor", 200), request.optionalText("receiptNo", 100));
        request.validate();
        return spendings.spend(allocationId, UUID.randomUUID().toString(), spending, Caller.from(caller));
    }

    @PostMapping("/spending/{id}/reversal")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('VILLAGE_HEAD', 'FINANCE_OFFICER')")
    public Mono<SpendingView> reverse(@PathVariable String id, @RequestBody JsonNode body,
            @AuthenticationPrincipal Jwt caller) {
        JsonRequest request = JsonRequest.of(body);
        String reason = request.text("reason", 500);
        request.validate();
        return spendings.reverse(id, UUID.randomUUID().toString(), reason, Caller.from(caller));
    }

    @GetMapping("/spending/{id}")
    public Mono<SpendingView> get(@PathVariable String id) {
        return spendings.view(id);
    }
}
