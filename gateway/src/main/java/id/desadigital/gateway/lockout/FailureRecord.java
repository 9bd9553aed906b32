package id.desadigital.gateway.lockout;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The failed sign-ins of one username in a row, kept in the store so that every gateway instance and every restart
 * sees the same count. The key is the username as typed (see {@link FailedSignIns#keyOf}), whether or not such an
 * account exists. {@code lastAttemptAt} is when the last counted attempt began; the lock, if any, runs from then.
 */
@Document("sign_in_failures")
record FailureRecord(@Id String key, int failures, Instant lastAttemptAt) {
}
