package id.desadigital.gateway.user;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/** Accounts: an admin creates them (role checked by the security rules); anyone signed in can see who they are. */
@RestController
class UserController {

    private final UserRegistration registration;

    UserController(UserRegistration registration) {
        this.registration = registration;
    }

    @PostMapping(path = "/api/auth/users", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Mono<UserView> create(@RequestBody NewUser request, @AuthenticationPrincipal Jwt admin) {
        return registration.register(request, admin.getSubject(), admin.getTokenValue());
    }

    @GetMapping("/api/auth/me")
    UserView me(@AuthenticationPrincipal Jwt caller) {
        return new UserView(caller.getSubject(), caller.getClaimAsString(TokenClaims.ROLE),
                caller.getClaimAsString(TokenClaims.VILLAGE_CODE));
    }
}
