package id.desadigital.gateway.signing;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * The RSA key that signs tokens. Made once, on the first start against an empty database, and shared through Mongo:
 * the document's fixed {@code _id} lets exactly one of several instances starting together store its key; the
 * others get a duplicate-key error and read the winner's. The key id is the key's RFC 7638 thumbprint.
 */
@Component
public class SigningKeyStore {

    static final String ACTIVE_KEY_ID = "active";

    private static final Logger log = LoggerFactory.getLogger(SigningKeyStore.class);
    private static final int KEY_SIZE_BITS = 2048;

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final Mono<RSAKey> activeKey;

    public SigningKeyStore(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        // The stored key never changes, so it is read once; a failed read (store down) is retried on next use.
        this.activeKey = Mono.defer(this::loadOrCreate)
                .cache(key -> Duration.ofMillis(Long.MAX_VALUE), error -> Duration.ZERO, () -> Duration.ZERO);
    }

    /** The private key tokens are signed with. */
    public Mono<RSAKey> signingKey() {
        return activeKey;
    }

    /** The public keys a token from this gateway may be signed with, as published at /.well-known/jwks.json. */
    public Flux<JWK> publicKeys() {
        return activeKey.<JWK>map(RSAKey::toPublicJWK).flux();
    }

    /** Makes or reads the key at start, so the first sign-in and the services' first JWKS fetch do not wait. */
    @EventListener(ApplicationReadyEvent.class)
    public void warmUp() {
        activeKey.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(500)).maxBackoff(Duration.ofSeconds(10))
                        .doBeforeRetry(signal -> log.warn("Signing key not available yet: {}",
                                signal.failure().toString())))
                .subscribe(key -> log.info("Signing tokens with key {}", key.getKeyID()));
    }

    private Mono<RSAKey> loadOrCreate() {
        return mongo.findById(ACTIVE_KEY_ID, StoredSigningKey.class)
                .switchIfEmpty(Mono.defer(this::createAndStore))
                .map(SigningKeyStore::parse);
    }

    private Mono<StoredSigningKey> createAndStore() {
        // RSA key generation takes a noticeable moment of CPU: keep it off the event loop.
        return Mono.fromCallable(SigningKeyStore::generate)
                .subscribeOn(Schedulers.boundedElastic())
                .map(key -> new StoredSigningKey(ACTIVE_KEY_ID, key.getKeyID(), key.toJSONString(), clock.instant()))
                .flatMap(mongo::insert)
                .doOnNext(stored -> log.info("Created the token signing key {}", stored.kid()))
                .onErrorResume(DuplicateKeyException.class,
                        lostRace -> mongo.findById(ACTIVE_KEY_ID, StoredSigningKey.class));
    }

    private static RSAKey generate() throws JOSEException {
        // use and alg let JWKS clients pick the key without guessing; the thumbprint (kid) covers only kty, n and e.
        return new RSAKeyGenerator(KEY_SIZE_BITS)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .keyIDFromThumbprint(true)
                .generate();
    }

    private static RSAKey parse(StoredSigningKey stored) {
        try {
            return RSAKey.parse(stored.jwk());
        } catch (ParseException e) {
            throw new IllegalStateException("The stored signing key " + stored.kid() + " is not a valid RSA JWK", e);
        }
    }
}
