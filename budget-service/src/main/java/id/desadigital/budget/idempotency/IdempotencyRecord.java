package id.desadigital.budget.idempotency;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What one caller's Idempotency-Key stands for: the request it came with (as a fingerprint), and once answered,
 * the answer. {@code seed} is where the request's ids come from, so that doing the request again after a crash
 * writes the same entries, which the ledger then recognises.
 */
@Document(IdempotencyRecord.COLLECTION)
record IdempotencyRecord(
        @Id String id,
        String fingerprint,
        String seed,
        Instant startedAt,
        Integer status,
        String contentType,
        String body) {

    static final String COLLECTION = "idempotency_keys";

    boolean answered() {
        return status != null;
    }
}
