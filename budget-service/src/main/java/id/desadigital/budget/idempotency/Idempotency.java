package id.desadigital.budget.idempotency;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

import id.desadigital.budget.ledger.EntryFactory;
import id.desadigital.budget.ledger.LedgerEntries;
import id.desadigital.budget.ledger.LedgerProperties;
import id.desadigital.budget.ledger.Repeated;
import id.desadigital.budget.ledger.TimeOrderedIds;
import id.desadigital.platform.web.ApiProblem;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code Idempotency-Key} of ledger writes: the same key with the same request answers what the first one
 * answered (same id, same status) and writes nothing new; with another request it is a 422.
 *
 * <p>A key is claimed before the write (a unique insert, so two concurrent requests with one key cannot both
 * write), and the answer is stored after it. Every id the write creates derives from the claim's seed, so a write whose
 * process died after the claim is simply done again by the next request with the key, once the claim is older than
 * {@code desa.ledger.completion-delay}: the ledger and the documents recognise entries by id, so nothing is written
 * twice.
 */
@Component
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 200;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ReactiveMongoTemplate mongo;
    private final LedgerEntries ledger;
    private final EntryFactory clock;
    private final LedgerProperties properties;

    public Idempotency(ReactiveMongoTemplate mongo, LedgerEntries ledger, EntryFactory clock,
            LedgerProperties properties) {
        this.mongo = mongo;
        this.ledger = ledger;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * Runs {@code write} with a fresh id, or under the key: {@code write} gets the id to give what it creates (its
     * entry), {@code recorded} answers from the state when that entry is already in the ledger.
     */
    public <T> Mono<ResponseEntity<Object>> run(ServerHttpRequest http, String caller, JsonNode request,
            HttpStatus success, Function<String, Mono<T>> write, Function<String, Mono<T>> recorded) {
        String key = http.getHeaders().getFirst(HEADER);
        String operation = http.getMethod().name() + " " + http.getPath().value();
        if (key == null) {
            return write.apply(TimeOrderedIds.next(clock.now()))
                    .map(body -> ResponseEntity.status(success).body(body));
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            return Mono.error(ApiProblem.invalid(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " characters"));
        }
        String id = caller + "|" + key;
        String fingerprint = fingerprint(operation, request);
        // Made once, kept in the claim: a request done again after a crash takes it from there.
        String seed = TimeOrderedIds.next(clock.now());
        IdempotencyRecord claim = new IdempotencyRecord(id, fingerprint, seed, clock.now(), null, null, null);
        return mongo.insert(claim)
                .then(answer(claim, Mono.defer(() -> write.apply(seed)), success, operation))
                .onErrorResume(DuplicateKeyException.class, taken -> mongo.findById(id, IdempotencyRecord.class)
                        .flatMap(existing -> again(existing, fingerprint, success, operation, write, recorded)));
    }

    private <T> Mono<ResponseEntity<Object>> again(IdempotencyRecord existing, String fingerprint, HttpStatus success,
            String operation, Function<String, Mono<T>> write, Function<String, Mono<T>> recorded) {
        if (!existing.fingerprint().equals(fingerprint)) {
            return Mono.error(ApiProblem.unprocessable(
                    "This Idempotency-Key was used with another request; use a new key for a new request"));
        }
        if (existing.answered()) {
            return Mono.just(ResponseEntity.status(existing.status())
                    .contentType(MediaType.parseMediaType(existing.contentType()))
                    .body(JSON.readTree(existing.body())));
        }
        if (existing.startedAt().isAfter(clock.now().minus(properties.completionDelay()))) {
            return Mono.error(ApiProblem.conflict("A request with this Idempotency-Key is still being handled"));
        }
        Mono<T> outcome = ledger.find(existing.seed()).hasElement()
                .flatMap(done -> done ? recorded.apply(existing.seed())
                        : Repeated.write(write.apply(existing.seed())));
        return answer(existing, outcome, success, operation);
    }

    /** Stores the answer (a refusal too: the same request would be refused the same way) before giving it. */
    private <T> Mono<ResponseEntity<Object>> answer(IdempotencyRecord claim, Mono<T> outcome, HttpStatus success,
            String operation) {
        return outcome
                .flatMap(body -> store(claim, success.value(), MediaType.APPLICATION_JSON, JSON.writeValueAsString(body))
                        .thenReturn(ResponseEntity.status(success).body((Object) body)))
                .onErrorResume(ApiProblem.class, problem -> store(claim, problem.getStatusCode().value(),
                        MediaType.APPLICATION_PROBLEM_JSON, JSON.writeValueAsString(flat(problem.getBody(), operation)))
                        .then(Mono.error(problem)))
                .onErrorResume(e -> !(e instanceof ApiProblem), e -> mongo.remove(query(where("_id").is(claim.id())
                        .and("status").exists(false)), IdempotencyRecord.class).then(Mono.error(e)));
    }

    /** The problem as the API renders it: its properties (such as {@code errors}) beside the standard fields. */
    private static Map<String, Object> flat(ProblemDetail problem, String operation) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", operation.substring(operation.indexOf(' ') + 1));
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }

    private Mono<Void> store(IdempotencyRecord claim, int status, MediaType contentType, String body) {
        return mongo.updateFirst(query(where("_id").is(claim.id())), new Update().set("status", status)
                .set("contentType", contentType.toString()).set("body", body), IdempotencyRecord.class).then();
    }

    /** What makes two requests the same: the method and path, and the body as parsed. */
    public static String fingerprint(String operation, JsonNode request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(operation.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(JSON.writeValueAsBytes(request));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

}
