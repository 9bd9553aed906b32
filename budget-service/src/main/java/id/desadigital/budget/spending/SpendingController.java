package id.desadigital.budget.spending;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import id.desadigital.budget.access.VillageScope;
import id.desadigital.budget.idempotency.Idempotency;
import id.desadigital.budget.request.JsonRequest;
import id.desadigital.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** Spending: a village head reports it against their village's allocation; it can be reversed once. */
@RestController
@RequestMapping("/api/budget")
public class SpendingController {

    private final Spendings spendings;
    private final Idempotency idempotency;

    public SpendingController(Spendings spendings, Idempotency idempotency) {
        this.spendings = spendings;
        this.idempotency = idempotency;
    }

    /** The call a village system (OpenSID or another) makes for each spending in its books; docs/api-reference.md. */
    @PostMapping("/allocations/{allocationId}/spending")
    @PreAuthorize("hasRole('VILLAGE_HEAD')")
    @Operation(summary = "Report a spending of the village against its allocation in a program",
            description = """
                    Signed in as the village head (a village system acts with the head's account), report one \
                    spending against the village's allocation in a program. Find the allocation first: \
                    GET /api/budget/allocations?programId={program} lists the head's own village's. \
                    Send an Idempotency-Key naming this spending in the village's own books: if the answer is \
                    lost, the same request with the same key answers the first response again and records \
                    nothing twice. 409 when spent + amount would pass the allocation or the program is closed; \
                    403 for another village's allocation; 404 for an unknown allocation; 422 when the key was \
                    used for another body.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = NewSpending.class))),
            responses = @ApiResponse(responseCode = "201", description = "The spending as recorded",
                    content = @Content(schema = @Schema(implementation = SpendingView.class))))
    public Mono<ResponseEntity<Object>> spend(@PathVariable String allocationId, @RequestBody JsonNode body,
            @AuthenticationPrincipal Jwt caller, ServerHttpRequest http) {
        JsonRequest request = JsonRequest.of(body);
        NewSpending spending = new NewSpending(request.rupiah("amount"), request.date("spentOn"),
                request.oneOf("category", Category.class), request.text("description", NewSpending.DESCRIPTION_MAX),
                request.optionalText("vendor", NewSpending.VENDOR_MAX),
                request.optionalText("receiptNo", NewSpending.RECEIPT_NO_MAX));
        request.validate();
        return idempotency.run(http, caller.getSubject(), body, HttpStatus.CREATED,
                id -> spendings.spend(allocationId, id, spending, Caller.from(caller)), spendings::view);
    }

    @PostMapping("/spending/{id}/reversal")
    @PreAuthorize("hasAnyRole('VILLAGE_HEAD', 'FINANCE_OFFICER')")
    @Operation(summary = "Reverse a spending (once); a second reversal is a 409",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(examples = @ExampleObject(value = "{\"reason\": \"entered twice\"}"))),
            responses = @ApiResponse(responseCode = "201", description = "The spending, now REVERSED",
                    content = @Content(schema = @Schema(implementation = SpendingView.class))))
    public Mono<ResponseEntity<Object>> reverse(@PathVariable String id, @RequestBody JsonNode body,
            @AuthenticationPrincipal Jwt caller, ServerHttpRequest http) {
        JsonRequest request = JsonRequest.of(body);
        String reason = request.text("reason", 500);
        request.validate();
        return idempotency.run(http, caller.getSubject(), body, HttpStatus.CREATED,
                entryId -> spendings.reverse(id, entryId, reason, Caller.from(caller)), entryId -> spendings.view(id));
    }

    @GetMapping("/spending/{id}")
    public Mono<SpendingView> get(@PathVariable String id, @AuthenticationPrincipal Jwt token) {
        Caller caller = Caller.from(token);
        return spendings.view(id).doOnNext(view -> VillageScope.requireVisible(caller, view.villageCode()));
    }
}
