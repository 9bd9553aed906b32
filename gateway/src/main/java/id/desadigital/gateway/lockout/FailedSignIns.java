package id.desadigital.gateway.lockout;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import id.desadigital.gateway.problem.ApiProblem;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Slows down password guessing per username, across every gateway instance and restart: the count lives in the
 * store ({@code sign_in_failures}, one small document per username that failed recently).
 * <p>
 * An attempt is counted <em>before</em> its password is checked, by a compare-and-set on the username's document
 * (the count and time it was read with must still be there): so of many attempts sent at once, only as many as
 * are free get their password checked, and after that exactly one each time a lock runs out; the others are
 * refused with 429 without a password check. A success removes the document, so the attempt it counted is
 * forgotten with the rest. Unknown usernames are counted exactly like existing ones, so a lock tells nothing about
 * which usernames exist.
 */
@Component
public class FailedSignIns implements DisposableBean {

    /** Longer input cannot be a username (3 to 64 characters); such keys are stored as a digest instead. */
    static final int MAX_KEY_LENGTH = 64;

    /**
     * Attempts for one username that keep losing the compare-and-set to concurrent ones: that many at once is an
     * attack, not a person, so the attempt is refused as if locked rather than retried without end.
     */
    private static final int MAX_LOST_RACES = 10;

    private static final Logger log = LoggerFactory.getLogger(FailedSignIns.class);

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final LockoutPolicy policy;
    private final Duration forgetAfter;
    private Disposable sweeping;

    public FailedSignIns(ReactiveMongoTemplate mongo, Clock clock, SignInLockoutProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.policy = new LockoutPolicy(properties);
        this.forgetAfter = properties.forgetAfter();
    }

    /**
     * Counts one attempt for {@code username} and completes when its password may be checked; fails with a 429
     * {@link ApiProblem} (with Retry-After) while the username is locked. Call {@link #succeeded} when the password
     * was right; a wrong one needs nothing more, it is already counted.
     */
    public Mono<Void> admit(String username) {
        return admit(keyOf(username), 0);
    }

    /** The attempt succeeded: the username's failures are forgotten. */
    public Mono<Void> succeeded(String username) {
        return mongo.remove(query(where("_id").is(keyOf(username))), FailureRecord.class).then();
    }

    private Mono<Void> admit(String key, int lostRaces) {
        // Millisecond precision, as the store keeps it, so the compare-and-set matches what it reads back.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return mongo.findById(key, FailureRecord.class)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(read -> {
                    FailureRecord current = read.orElse(null);
                    if (current != null) {
                        Duration locked = policy.lockRemaining(current, now);
                        if (locked.compareTo(Duration.ZERO) > 0) {
                            return Mono.error(locked(locked));
                        }
                    }
                    return charge(key, current, now).flatMap(won -> {
                        if (won) {
                            return Mono.<Void>empty();
                        }
                        return lostRaces + 1 >= MAX_LOST_RACES
                                ? Mono.error(locked(Duration.ZERO))
                                : admit(key, lostRaces + 1);
                    });
                });
    }

    /** Counts the attempt if nobody else changed the record since it was read; false when someone did. */
    private Mono<Boolean> charge(String key, FailureRecord current, Instant now) {
        if (current == null) {
            return mongo.insert(new FailureRecord(key, 1, now))
                    .thenReturn(true)
                    .onErrorResume(DuplicateKeyException.class, concurrentFirstAttempt -> Mono.just(false));
        }
        int failures = policy.isForgotten(current, now) ? 1 : current.failures() + 1;
        return mongo.updateFirst(
                        query(where("_id").is(key).and("failures").is(current.failures())
                                .and("lastAttemptAt").is(current.lastAttemptAt())),
                        new Update().set("failures", failures).set("lastAttemptAt", now),
                        FailureRecord.class)
                .map(result -> result.getModifiedCount() == 1);
    }

    private static ApiProblem locked(Duration remaining) {
        long seconds = Math.max(1, (remaining.toMillis() + 999) / 1000);
        return ApiProblem.tooManyRequests("sign-in-locked", "Too many failed sign-ins",
                "Too many failed sign-ins in a row for this username; try again in " + seconds + " s", seconds);
    }

    /**
     * The record's key: the username as typed, so that unknown names are counted like known ones, but input longer
     * than any username as a SHA-256 digest, so that no one can make the store keep arbitrarily long keys. The
     * digest form contains ':', which no username may, so it never stands for a real account.
     */
    static String keyOf(String username) {
        if (username.length() <= MAX_KEY_LENGTH) {
            return username;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(username.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }

    /**
     * Removes the records of usernames nobody tried for {@code forget-after} (mostly names that do not exist and
     * will never succeed), every {@code forget-after}: a record lives at most twice that. Several instances
     * sweeping at once remove the same records, which is harmless.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void startSweeping() {
        sweeping = Flux.interval(forgetAfter, forgetAfter)
                .concatMap(tick -> mongo.remove(
                                query(where("lastAttemptAt").lt(clock.instant().minus(forgetAfter))),
                                FailureRecord.class)
                        .doOnNext(result -> log.debug("Forgot {} sign-in failure records", result.getDeletedCount()))
                        .onErrorResume(error -> {
                            log.warn("Could not sweep forgotten sign-in failures: {}", error.toString());
                            return Mono.empty();
                        }))
                .subscribe();
    }

    @Override
    public void destroy() {
        if (sweeping != null) {
            sweeping.dispose();
        }
    }
}
