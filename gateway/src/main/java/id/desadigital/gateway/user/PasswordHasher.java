package id.desadigital.gateway.user;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.RejectedExecutionException;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

import id.desadigital.gateway.problem.ApiProblem;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * BCrypt hashing and checking. BCrypt is deliberately slow CPU work, so it runs on its own pool sized to the CPUs,
 * never on the event loop; when more checks wait than {@code maxQueuedHashes} the caller gets a 503 instead of an
 * ever-growing queue.
 */
@Component
public class PasswordHasher implements DisposableBean {

    /** BCrypt reads only the first 72 bytes of a password; longer ones are refused rather than silently cut. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private final BCryptPasswordEncoder encoder;
    private final Scheduler hashing;
    private final Mono<String> decoyHash;

    public PasswordHasher(IdentityProperties properties) {
        this.encoder = new BCryptPasswordEncoder(properties.bcryptStrength());
        int cpus = Runtime.getRuntime().availableProcessors();
        this.hashing = Schedulers.newBoundedElastic(cpus, properties.maxQueuedHashes(), "password-hashing");
        // A hash of a password nobody knows: checked against when the user does not exist, so an unknown username
        // costs as much time as a wrong password and response times do not reveal which usernames exist.
        this.decoyHash = onHashingPool(() -> encoder.encode(randomSecret())).cache();
    }

    public static boolean fitsBcrypt(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES;
    }

    public Mono<String> hash(String password) {
        return onHashingPool(() -> encoder.encode(password));
    }

    /** True when {@code password} matches {@code hash}; a null hash (no such user) costs the same and is false. */
    public Mono<Boolean> matches(String password, String hash) {
        String candidate = fitsBcrypt(password) ? password : "";
        if (hash == null) {
            return decoyHash.flatMap(decoy -> onHashingPool(() -> encoder.matches(candidate, decoy)))
                    .thenReturn(false);
        }
        return onHashingPool(() -> encoder.matches(candidate, hash) && candidate.equals(password));
    }

    private <T> Mono<T> onHashingPool(java.util.concurrent.Callable<T> work) {
        return Mono.fromCallable(work)
                .subscribeOn(hashing)
                .onErrorMap(RejectedExecutionException.class,
                        busy -> ApiProblem.unavailable("Too many sign-ins at once; try again in a moment"));
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public void destroy() {
        hashing.dispose();
    }
}
