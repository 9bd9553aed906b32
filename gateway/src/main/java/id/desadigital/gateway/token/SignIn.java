package id.desadigital.gateway.token;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import id.desadigital.gateway.lockout.FailedSignIns;
import id.desadigital.gateway.problem.ApiProblem;
import id.desadigital.gateway.user.PasswordHasher;
import id.desadigital.gateway.user.UserAccount;
import id.desadigital.gateway.user.UserStore;
import reactor.core.publisher.Mono;

/**
 * Username and password in, token out. An unknown username, a wrong password and a disabled account get the same
 * answer after the same amount of work (a hash check runs either way), so neither the answer nor its timing tells
 * which usernames exist. Every attempt is counted per username first ({@link FailedSignIns}): while a username is
 * locked after failures in a row, the answer is 429 and the password is not even checked.
 */
@Component
class SignIn {

    private final UserStore users;
    private final PasswordHasher hasher;
    private final TokenIssuer tokens;
    private final FailedSignIns failedSignIns;

    SignIn(UserStore users, PasswordHasher hasher, TokenIssuer tokens, FailedSignIns failedSignIns) {
        this.users = users;
        this.hasher = hasher;
        this.tokens = tokens;
        this.failedSignIns = failedSignIns;
    }

    Mono<TokenResponse> signIn(Credentials credentials) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        if (!StringUtils.hasText(credentials.username())) {
            errors.add(new ApiProblem.FieldError("username", "is required"));
        }
        if (!StringUtils.hasLength(credentials.password())) {
            errors.add(new ApiProblem.FieldError("password", "is required"));
        }
        if (!errors.isEmpty()) {
            return Mono.error(ApiProblem.invalid(errors));
        }
        return failedSignIns.admit(credentials.username())
                .then(users.find(credentials.username()))
                .map(Candidate::new)
                .defaultIfEmpty(Candidate.NOBODY)
                .flatMap(candidate -> hasher.matches(credentials.password(), candidate.passwordHash())
                        .filter(matched -> matched && candidate.account().mayUseTokens())
                        .map(matched -> candidate.account()))
                .switchIfEmpty(Mono.error(() -> ApiProblem.unauthorized("Wrong username or password")))
                .flatMap(account -> failedSignIns.succeeded(account.username()).then(tokens.issue(account)));
    }

    private record Candidate(UserAccount account) {

        static final Candidate NOBODY = new Candidate(null);

        String passwordHash() {
            return account == null ? null : account.passwordHash();
        }
    }
}
