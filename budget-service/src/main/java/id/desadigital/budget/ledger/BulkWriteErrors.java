package id.desadigital.budget.ledger;

import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.BulkOperationException;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;

/**
 * The per-operation errors of a failed bulk write, which Spring hands over in one of several wrappings depending
 * on the failure. Empty when the failure is not a bulk write's (the store unreachable, a write concern error): then
 * nothing is known about which operations took effect.
 */
final class BulkWriteErrors {

    private BulkWriteErrors() {
    }

    static Optional<List<BulkWriteError>> of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BulkOperationException bulk) {
                return Optional.of(bulk.getErrors());
            }
            if (cause instanceof MongoBulkWriteException bulk) {
                return bulk.getWriteConcernError() == null ? Optional.of(bulk.getWriteErrors()) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    static boolean isDuplicateKey(BulkWriteError error) {
        return ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY;
    }
}
