package id.desadigital.gateway.user;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import id.desadigital.gateway.accountevents.AccountEventRelay;
import id.desadigital.gateway.lockout.FailedSignIns;
import id.desadigital.gateway.problem.ApiProblem;
import id.desadigital.gateway.problem.ApiProblem.FieldError;
import reactor.core.publisher.Mono;

/**
 * What an admin does to accounts besides creating them: list them, set a password, enable or disable one. Every
 * change that ends tokens (a new password, disabling) is announced with {@link AccountChanged} so this instance
 * stops accepting them at once, and published to the services ({@link AccountEventRelay}) so they stop too.
 */
@Component
class AccountAdministration {

    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 500;

    private final UserStore users;
    private final PasswordHasher hasher;
    private final FailedSignIns failedSignIns;
    private final AccountChanges changes;
    private final Clock clock;

    AccountAdministration(UserStore users, PasswordHasher hasher, FailedSignIns failedSignIns,
            AccountChanges changes, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.failedSignIns = failedSignIns;
        this.changes = changes;
        this.clock = clock;
    }

    /** The API's paging rule: out-of-range values are a 400 naming the parameter, never silently clamped. */
    Mono<UserPage<AccountView>> list(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_PAGE_SIZE : size;
        List<FieldError> errors = new ArrayList<>();
        if (p < 0) {
            errors.add(new FieldError("page", "must be 0 or more"));
        }
        if (s < 1 || s > MAX_PAGE_SIZE) {
            errors.add(new FieldError("size", "must be between 1 and " + MAX_PAGE_SIZE));
        }
        if (!errors.isEmpty()) {
            return Mono.error(ApiProblem.invalid(errors));
        }
        return Mono.zip(users.page((long) p * s, s).map(AccountView::of).collectList(), users.count())
                .map(found -> new UserPage<>(found.getT1(), p, s, found.getT2()));
    }

    /**
     * Sets a user's password (they forgot it, or it leaked): their earlier tokens stop working and a lock from
     * failed sign-ins is lifted, so they can sign in with the new one at once.
     */
    Mono<Void> setPassword(String username, AccountRequests.NewPassword request, String actor) {
        List<FieldError> errors = new ArrayList<>();
        NewUserRules.checkPassword("password", request.password(), errors);
        if (!errors.isEmpty()) {
            return Mono.error(ApiProblem.invalid(errors));
        }
        // The look-up first spares a slow hash for an unknown name; the update stays the real check.
        return users.find(username)
                .switchIfEmpty(Mono.error(() -> unknown(username)))
                .then(hasher.hash(request.password()))
                .flatMap(hash -> users.changePassword(username, hash, clock.instant(), actor))
                .switchIfEmpty(Mono.error(() -> unknown(username)))
                .flatMap(changed -> changes.announce(username))
                .then(failedSignIns.succeeded(username));
    }

    /**
     * Enables or disables an account. Nobody disables their own account, so the bootstrap admin cannot lock
     * everyone out by mistake.
     */
    Mono<AccountView> setStatus(String username, AccountRequests.AccountStatus request, String actor) {
        if (request.enabled() == null) {
            return Mono.error(ApiProblem.invalid(List.of(new FieldError("enabled", "must be true or false"))));
        }
        if (!request.enabled() && username.equals(actor)) {
            return Mono.error(ApiProblem.conflict("You cannot disable your own account"));
        }
        return users.changeStatus(username, request.enabled(), clock.instant(), actor)
                .switchIfEmpty(Mono.error(() -> unknown(username)))
                .flatMap(changed -> changes.announce(username).thenReturn(changed))
                .map(AccountView::of);
    }

    static ApiProblem unknown(String username) {
        return ApiProblem.notFound("There is no user '" + username + "'");
    }
}
