package id.desadigital.gateway.user;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Makes sure someone can sign in on a fresh install: the user {@code admin} (role ADMIN) is created on start when
 * absent, with ADMIN_PASSWORD, or else with a generated password printed once. An existing admin is never touched,
 * so ADMIN_PASSWORD only matters on the first start. Several instances starting together do not fight: the
 * username is the document id, and the instance whose insert fails as a duplicate leaves the winner's account alone.
 */
@Component
class AdminBootstrap {

    static final String ADMIN_USERNAME = "admin";
    static final String CREATED_BY = "bootstrap";

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int GENERATED_LENGTH = 24;
    private static final int RECOMMENDED_MIN_LENGTH = 10;

    private final UserStore users;
    private final PasswordHasher hasher;
    private final Notices notices;
    private final Clock clock;
    private final String configuredPassword;

    AdminBootstrap(UserStore users, PasswordHasher hasher, Notices notices, Clock clock,
            IdentityProperties properties) {
        this.users = users;
        this.hasher = hasher;
        this.notices = notices;
        this.clock = clock;
        this.configuredPassword = properties.adminPassword();
        if (StringUtils.hasLength(configuredPassword) && !PasswordHasher.fitsBcrypt(configuredPassword)) {
            throw new IllegalStateException("ADMIN_PASSWORD is longer than " + PasswordHasher.MAX_PASSWORD_BYTES
                    + " bytes, more than BCrypt can check");
        }
        if (StringUtils.hasLength(configuredPassword) && configuredPassword.length() < RECOMMENDED_MIN_LENGTH) {
            log.warn("ADMIN_PASSWORD is shorter than {} characters; choose a longer one", RECOMMENDED_MIN_LENGTH);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        ensureAdmin()
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(500)).maxBackoff(Duration.ofSeconds(10))
                        .doBeforeRetry(signal -> log.warn("Could not check the admin account yet: {}",
                                signal.failure().toString())))
                .subscribe();
    }

    /** Completes once the admin account exists, whoever created it. */
    Mono<Void> ensureAdmin() {
        return users.find(ADMIN_USERNAME)
                .hasElement()
                .flatMap(exists -> exists ? Mono.<Void>empty() : create());
    }

    private Mono<Void> create() {
        boolean generated = !StringUtils.hasLength(configuredPassword);
        String password = generated ? generatePassword() : configuredPassword;
        return hasher.hash(password)
                .map(hash -> UserAccount.created(ADMIN_USERNAME, hash, Role.ADMIN, null, clock.instant(), CREATED_BY))
                .flatMap(users::insert)
                .doOnNext(created -> {
                    log.info("Created the bootstrap user '{}'", ADMIN_USERNAME);
                    if (generated) {
                        notices.announceSecret("admin password (shown once)", password);
                    }
                })
                .onErrorResume(DuplicateKeyException.class, otherInstanceWon -> Mono.empty())
                .then();
    }

    private static String generatePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
