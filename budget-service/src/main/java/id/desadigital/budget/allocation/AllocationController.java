package id.desadigital.budget.allocation;

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

import id.desadigital.budget.idempotency.Idempotency;
import id.desadigital.budget.request.JsonRequest;
import id.desadigital.platform.web.PageOf;
import id.desadigital.platform.web.Paging;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** Allocations: finance officers make and adjust them; every signed-in role reads them. */
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

    @GetMapping("/allocations")
    public Mono<PageOf<AllocationView>> list(@RequestParam(required = false) String programId,
            @RequestParam(required = false) String villageCode, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        return allocations.list(programId, villageCode).collectSortedList(
                        java.util.Comparator.comparing(AllocationView::villageCode).thenComparing(AllocationView::id))
                .map(all -> new PageOf<>(all.stream().skip(paging.offset()).limit(paging.size()).toList(),
                        paging.page(), paging.size(), all.size()));
    }

    @GetMapping("/allocations/{id}")
    public Mono<AllocationView> get(@PathVariable String id) {
        return allocations.view(id);
    }
}
