package id.desadigital.gateway.user;

import java.time.Clock;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import id.desadigital.gateway.problem.ApiProblem;
import reactor.core.publisher.Mono;

/** An admin creates an account: rules first, then the village (for a head), then the hash, then the insert. */
@Component
class UserRegistration {

    private final UserStore users;
    private final PasswordHasher hasher;
    private final VillageRegistry villages;
    private final Clock clock;

    UserRegistration(UserStore users, PasswordHasher hasher, VillageRegistry villages, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.villages = villages;
        this.clock = clock;
    }

    Mono<UserView> register(NewUser request, String adminUsername, String adminToken) {
        List<ApiProblem.FieldError> errors = NewUserRules.check(request);
        if (!errors.isEmpty()) {
            return Mono.error(ApiProblem.invalid(errors));
        }
        Role role = NewUserRules.parseRole(request.role());
        String villageCode = role.isScopedToVillage() ? request.villageCode() : null;
        Mono<Void> villageKnown = role.isScopedToVillage()
                ? villages.requireActive(villageCode, adminToken)
                : Mono.empty();
        // The early look-up spares a village call and a hash for a taken name; the insert stays the real guard.
        return users.find(request.username())
                .flatMap(existing -> Mono.<UserAccount>error(taken(request.username())))
                .then(villageKnown)
                .then(hasher.hash(request.password()))
                .map(hash -> UserAccount.created(request.username(), hash, role, villageCode, clock.instant(),
                        adminUsername))
                .flatMap(users::insert)
                .onErrorMap(DuplicateKeyException.class, duplicate -> taken(request.username()))
                .map(UserView::of);
    }

    private static ApiProblem taken(String username) {
        return ApiProblem.conflict("The username '" + username + "' is taken");
    }
}
