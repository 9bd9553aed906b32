package id.desadigital.village.administration;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import id.desadigital.village.village.VillageView;
import id.desadigital.village.village.VillageViews;
import reactor.core.publisher.Mono;

/** Only the regency's administrators change who heads a village and whether it is active. */
@RestController
@RequestMapping("/api/villages/{code}")
@PreAuthorize("hasRole('ADMIN')")
public class VillageAdministrationController {

    private final VillageAdministration administration;
    private final VillageViews views;

    public VillageAdministrationController(VillageAdministration administration, VillageViews views) {
        this.administration = administration;
        this.views = views;
    }

    @PutMapping("/head")
    public Mono<VillageView> assignHead(@PathVariable String code, @Validated @RequestBody HeadAssignment body,
            @AuthenticationPrincipal Jwt caller) {
        return administration.assignHead(code, body, caller.getSubject()).flatMap(views::of);
    }

    @PutMapping("/status")
    public Mono<VillageView> changeStatus(@PathVariable String code, @Validated @RequestBody StatusChange body,
            @AuthenticationPrincipal Jwt caller) {
        return administration.changeStatus(code, body, caller.getSubject()).flatMap(views::of);
    }
}
