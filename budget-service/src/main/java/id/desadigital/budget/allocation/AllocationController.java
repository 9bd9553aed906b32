package id.desadigital.budget.allocation;

import java.util.Comparator;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import id.desadigital.budget.access.VillageScope;
import id.desadigital.budget.idempotency.Idempotency;
import id.desadigital.budget.request.JsonRequest;
import id.desadigital.budget.request.QueryParameters;
import id.desadigital.platform.security.Caller;
import id.desadigital.platform.web.PageOf;
import id.desadigital.platform.web.Paging;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** Allocations: finance officers make and adjust them; every signed-in role reads them, a village head its own. */
@RestController
@RequestMapping("/api/budget")
public class AllocationController {

    private final Allocations allocations;
    private final Idempotency idempotency;

    public AllocationController(Allocations allocations, Idempotency idempotency) {
        this.allocations = allocations;
        this.idempotency = idempotency;
    }

    @PostMapping("/programs/{programId}/allocations")
    @PreAuthorize("hasRole('FINANCE_OFFICER')")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
            "{\"villageCode\": \"33.03.01.2001\", \"amount\": 6000000, \"note\": \"Internet desa\"}")))
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = AllocationView.class)))
    public Mono<ResponseEntity<Object>> allocate(@PathVariable String programId, @RequestBody JsonNode body,
            @AuthenticationPrincipal Jwt caller, ServerHttpRequest http) {
        JsonRequest request = JsonRequest.of(body);
        String villageCode = request.villageCode("villageCode");
        long amount = request.rupiah("amount");
        String note = request.optionalText("note", 500);
        request.validate();
        return idempotency.run(http, caller.getSubject(), body, HttpStatus.CREATED,
                id -> allocations.allocate(programId, id, villageCode, amount, note, caller.getSubject()),
                allocations::view);
    }

    @PostMapping("/allocations/{id}/adjustments")
    @PreAuthorize("hasRole('FINANCE_OFFICER')")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            examples = @ExampleObject("{\"delta\": -500000, \"reason\": \"Harga paket turun\"}")))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AllocationView.class)))
    public Mono<ResponseEntity<Object>> adjust(@PathVariable String id, @RequestBody JsonNode body,
            @AuthenticationPrincipal Jwt caller, ServerHttpRequest http) {
        JsonRequest request = JsonRequest.of(body);
        long delta = request.rupiahChange("delta");
        String reason = request.text("reason", 500);
        request.validate();
        return idempotency.run(http, caller.getSubject(), body, HttpStatus.OK,
                entryId -> allocations.adjust(id, entryId, delta, reason, caller.getSubject()),
                entryId -> allocations.view(id));
    }

    /**
     * A village head always lists within their own village: without {@code villageCode} that village is implied
     * (so {@code ?programId=} shows their allocation in the program), with another village's code it is a 403.
     */
    @GetMapping("/allocations")
    public Mono<PageOf<AllocationView>> list(@RequestParam(required = false) String programId,
            @RequestParam(required = false) String villageCode, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @AuthenticationPrincipal Jwt token) {
        Paging paging = Paging.of(page, size);
        Caller caller = Caller.from(token);
        String village = QueryParameters.villageCode("villageCode", villageCode);
        if (village != null) {
            VillageScope.requireVisible(caller, village);
        } else if (VillageScope.isScoped(caller)) {
            village = caller.villageCode();
        }
        return allocations.list(programId, village).collectSortedList(
                        Comparator.comparing(AllocationView::villageCode).thenComparing(AllocationView::id))
                .map(all -> new PageOf<>(all.stream().skip(paging.offset()).limit(paging.size()).toList(),
                        paging.page(), paging.size(), all.size()));
    }

    @GetMapping("/allocations/{id}")
    public Mono<AllocationView> get(@PathVariable String id, @AuthenticationPrincipal Jwt token) {
        Caller caller = Caller.from(token);
        return allocations.view(id).doOnNext(view -> VillageScope.requireVisible(caller, view.villageCode()));
    }
}
