package id.desadigital.gateway.user;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import id.desadigital.gateway.accountevents.AccountEventRelay;
import id.desadigital.gateway.lockout.FailedSignIns;
import id.desadigital.gateway.problem.ApiProblem;
import id.desadigital.gateway.problem.ApiProblem.FieldError;
import reactor.core.publisher.Mono;

/**
 * A signed-in user changes their own password, proving they know the current one. A wrong current password is a
 * 403 (the caller is who the token says, but may not do this without the password) and counts as a failed sign-in
 * for that username: a stolen token must not become a way to guess the password without the lock. After the change
 * every token issued before it is refused, the one used here included: the user signs in again. The services hear
 * of it through account-events ({@link AccountEventRelay}).
 */
@Component
class OwnPasswordChange {

    private final UserStore users;
    private final PasswordHasher hasher;
    private final FailedSignIns failedSignIns;
    private final AccountChanges changes;
    private final Clock clock;

    OwnPasswordChange(UserStore users, PasswordHasher hasher, FailedSignIns failedSignIns,
            AccountChanges changes, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.failedSignIns = failedSignIns;
        this.changes = changes;
        this.clock = clock;
    }

    Mono<Void> change(String username, AccountRequests.OwnPasswordChange request) {
        List<FieldError> errors = new ArrayList<>();
        if (!StringUtils.hasLength(request.currentPassword())) {
            errors.add(new FieldError("currentPassword", "is required"));
        }
        NewUserRules.checkPassword("newPassword", request.newPassword(), errors);
        if (!errors.isEmpty()) {
            return Mono.error(ApiProblem.invalid(errors));
        }
        return failedSignIns.admit(username)
                .then(users.find(username))
                .filterWhen(account -> hasher.matches(request.currentPassword(), account.passwordHash()))
                .switchIfEmpty(Mono.error(() -> ApiProblem.forbidden("wrong-password", "Wrong password",
                        "The current password is not right")))
                .flatMap(account -> failedSignIns.succeeded(username).then(hasher.hash(request.newPassword())))
                .flatMap(hash -> users.changePassword(username, hash, clock.instant(), username))
                .switchIfEmpty(Mono.error(() -> AccountAdministration.unknown(username)))
                .flatMap(changed -> changes.announce(username))
                .then();
    }
}
