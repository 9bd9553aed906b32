package id.desadigital.budget.program;

import java.util.regex.Pattern;

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
import id.desadigital.budget.request.QueryParameters;
import id.desadigital.platform.web.PageOf;
import id.desadigital.platform.web.Paging;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Programs: finance officers open, revise and close them; every signed-in role reads them. */
@RestController
@RequestMapping("/api/budget/programs")
public class ProgramController {

    private static final Pattern ACTIVITY_CODE = Pattern.compile("\\d+(\\.\\d+){1,4}");
    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 2100;

    private final Programs programs;
    private final ProgramSpending spending;
    private final ProgramClosingStep closing;
    private final Idempotency idempotency;
    private final ProgramsAsOf programsAsOf;

    public ProgramController(Programs programs, ProgramSpending spending, ProgramClosingStep closing,
            Idempotency idempotency, ProgramsAsOf programsAsOf) {
        this.programs = programs;
        this.spending = spending;
        this.closing = closing;
        this.idempotency = idempotency;
        this.programsAsOf = programsAsOf;
    }

    @PostMapping
    @PreAuthorize("hasRole('FINANCE_OFFICER')")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(schema = @Schema(implementation = NewProgram.class)))
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ProgramView.class)))
    public Mono<ResponseEntity<Object>> create(@RequestBody JsonNode body, @AuthenticationPrincipal Jwt caller,
            ServerHttpRequest http) {
        JsonRequest request = JsonRequest.of(body);
        NewProgram program = new NewProgram(request.year("fiscalYear", FIRST_YEAR, LAST_YEAR),
                request.text("name", 200), request.rupiah("ceiling"),
                request.oneOf("fundingSource", FundingSource.class),
                request.matching("activityCode", ACTIVITY_CODE, "1.4.08"));
        request.validate();
        return idempotency.run(http, caller.getSubject(), body, HttpStatus.CREATED,
                id -> programs.create(id, program, caller.getSubject()).flatMap(this::view),
                id -> get(id));
    }

    @GetMapping
    public Mono<PageOf<ProgramView>> list(@RequestParam(required = false) Integer fiscalYear,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        return programs.list(fiscalYear).concatMap(this::view).collectList()
                .map(all -> new PageOf<>(all.stream().skip(paging.offset()).limit(paging.size()).toList(),
                        paging.page(), paging.size(), all.size()));
    }

    /** The program now, or as the ledger had it at {@code asOf}. */
    @GetMapping("/{id}")
    public Mono<ProgramView> get(@PathVariable String id, @RequestParam(required = false) String asOf) {
        return asOf == null ? get(id) : programsAsOf.asOf(id, QueryParameters.instant("asOf", asOf));
    }

    private Mono<ProgramView> get(String id) {
        return programs.get(id).flatMap(this::view);
    }

    @PostMapping("/{id}/revisions")
    @PreAuthorize("hasRole('FINANCE_OFFICER')")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            examples = @ExampleObject("{\"ceiling\": 1500000000, \"reason\": \"APBD Perubahan\"}")))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ProgramView.class)))
    public Mono<ResponseEntity<Object>> revise(@PathVariable String id, @RequestBody JsonNode body,
            @AuthenticationPrincipal Jwt caller, ServerHttpRequest http) {
        JsonRequest request = JsonRequest.of(body);
        long ceiling = request.rupiah("ceiling");
        String reason = request.text("reason", 500);
        request.validate();
        return idempotency.run(http, caller.getSubject(), body, HttpStatus.OK,
                entryId -> programs.revise(id, entryId, ceiling, reason, caller.getSubject()).flatMap(this::view),
                entryId -> get(id));
    }

    @PostMapping("/{id}/close")
    @PreAuthorize("hasRole('FINANCE_OFFICER')")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ProgramView.class)))
    public Mono<ResponseEntity<Object>> close(@PathVariable String id, @AuthenticationPrincipal Jwt caller,
            ServerHttpRequest http) {
        return idempotency.run(http, caller.getSubject(), JsonNodeFactory.instance.objectNode(),
                HttpStatus.OK, entryId -> closing.close(id, entryId, caller.getSubject()).flatMap(this::view),
                entryId -> get(id));
    }

    private Mono<ProgramView> view(Program program) {
        return spending.spentFrom(program.id()).map(spent -> ProgramView.of(program, spent));
    }
}
