package id.desadigital.gateway.user;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/**
 * Accounts: an admin creates, lists, resets and enables or disables them (role checked by the security rules);
 * anyone signed in can see who they are and change their own password.
 */
@RestController
class UserController {

    private final UserRegistration registration;
    private final AccountAdministration administration;
    private final OwnPasswordChange ownPassword;

    UserController(UserRegistration registration, AccountAdministration administration,
            OwnPasswordChange ownPassword) {
        this.registration = registration;
        this.administration = administration;
        this.ownPassword = ownPassword;
    }

    @PostMapping(path = "/api/auth/users", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Mono<UserView> create(@RequestBody NewUser request, @AuthenticationPrincipal Jwt admin) {
        return registration.register(request, admin.getSubject(), admin.getTokenValue());
    }

    @GetMapping("/api/auth/users")
    Mono<UserPage<AccountView>> list(@RequestParam(name = "page", required = false) Integer page,
            @RequestParam(name = "size", required = false) Integer size) {
        return administration.list(page, size);
    }

    @PutMapping(path = "/api/auth/users/{username}/password", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> setPassword(@PathVariable("username") String username,
            @RequestBody AccountRequests.NewPassword request, @AuthenticationPrincipal Jwt admin) {
        return administration.setPassword(username, request, admin.getSubject());
    }

    @PutMapping(path = "/api/auth/users/{username}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<AccountView> setStatus(@PathVariable("username") String username,
            @RequestBody AccountRequests.AccountStatus request, @AuthenticationPrincipal Jwt admin) {
        return administration.setStatus(username, request, admin.getSubject());
    }

    @GetMapping("/api/auth/me")
    UserView me(@AuthenticationPrincipal Jwt caller) {
        return new UserView(caller.getSubject(), caller.getClaimAsString(TokenClaims.ROLE),
                caller.getClaimAsString(TokenClaims.VILLAGE_CODE));
    }

    @PutMapping(path = "/api/auth/me/password", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> changeOwnPassword(@RequestBody AccountRequests.OwnPasswordChange request,
            @AuthenticationPrincipal Jwt caller) {
        return ownPassword.change(caller.getSubject(), request);
    }
}
