package id.desadigital.budget.allocation;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

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

    public AllocationController(Allocations allocations) {
        this.allocations = allocations;
    }

    @PostMapping("/programs/{programId}/allocations")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('FINANCE_OFFICER')")
    public Mono<AllocationView> allocate(@PathVariable String programId, @RequestBody JsonNode body,
            @AuthenticationPrincipal Jwt caller) {
        JsonRequest request = JsonRequest.of(body);
        String villageCode = request.villageCode("villageCode");
        long amount = request.rupiah("amount");
        String note = request.optionalText("note", 500);
        request.validate();
        return allocations.allocate(programId, UUID.randomUUID().toString(), villageCode, amount, note,
                caller.getSubject());
    }

    @PostMapping("/allocations/{id}/adjustments")
    @PreAuthorize("hasRole('FINANCE_OFFICER')")
    public Mono<AllocationView> adjust(@PathVariable String id, @RequestBody JsonNode body,
            @AuthenticationPrincipal Jwt caller) {
        JsonRequest request = JsonRequest.of(body);
        long delta = request.rupiahChange("delta");
        String reason = request.text("reason", 500);
        request.validate();
        return allocations.adjust(id, UUID.randomUUID().toString(), delta, reason, caller.getSubject());
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
