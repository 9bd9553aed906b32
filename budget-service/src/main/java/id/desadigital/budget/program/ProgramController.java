package id.desadigital.budget.program;

import java.util.UUID;
import java.util.regex.Pattern;

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

    public ProgramController(Programs programs, ProgramSpending spending, ProgramClosingStep closing) {
        this.programs = programs;
        this.spending = spending;
        this.closing = closing;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('FINANCE_OFFICER')")
    public Mono<ProgramView> create(@RequestBody JsonNode body, @AuthenticationPrincipal Jwt caller) {
        JsonRequest request = JsonRequest.of(body);
        NewProgram program = new NewProgram(request.year("fiscalYear", FIRST_YEAR, LAST_YEAR),
                request.text("name", 200), request.rupiah("ceiling"),
                request.oneOf("fundingSource", FundingSource.class),
                request.matching("activityCode", ACTIVITY_CODE, "1.4.08"));
        request.validate();
        return programs.create(UUID.randomUUID().toString(), program, caller.getSubject()).flatMap(this::view);
    }

    @GetMapping
    public Mono<PageOf<ProgramView>> list(@RequestParam(required = false) Integer fiscalYear,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        return programs.list(fiscalYear).concatMap(this::view).collectList()
                .map(all -> new PageOf<>(all.stream().skip(paging.offset()).limit(paging.size()).toList(),
                        paging.page(), paging.size(), all.size()));
    }

    @GetMapping("/{id}")
    public Mono<ProgramView> get(@PathVariable String id) {
        return programs.get(id).flatMap(this::view);
    }

    @PostMapping("/{id}/revisions")
    @PreAuthorize("hasRole('FINANCE_OFFICER')")
    public Mono<ProgramView> revise(@PathVariable String id, @RequestBody JsonNode body,
            @AuthenticationPrincipal Jwt caller) {
        JsonRequest request = JsonRequest.of(body);
        long ceiling = request.rupiah("ceiling");
        String reason = request.text("reason", 500);
        request.validate();
        return programs.revise(id, UUID.randomUUID().toString(), ceiling, reason, caller.getSubject())
                .flatMap(this::view);
    }

    @PostMapping("/{id}/close")
    @PreAuthorize("hasRole('FINANCE_OFFICER')")
    public Mono<ProgramView> close(@PathVariable String id, @AuthenticationPrincipal Jwt caller) {
        return closing.close(id, UUID.randomUUID().toString(), caller.getSubject()).flatMap(this::view);
    }

    private Mono<ProgramView> view(Program program) {
        return spending.spentFrom(program.id()).map(spent -> ProgramView.of(program, spent));
    }
}
