package id.desadigital.budget.ledger;

import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Marks a write as the repeat of a request that may already have taken effect (its Idempotency-Key claimed, no
 * answer stored, its first attempt dead or slow). Its entries have the ids the first attempt gave them, so a
 * document still holding one in its outbox is recognised by the decision itself; one the relay has already moved
 * to the ledger is not in the document any more, and {@link CompareAndSetBatch} looks it up in the ledger, after
 * reading the document, before writing. Looked up before the read instead, an entry could leave the document in
 * between (a relay moves entries without changing the document's revision) and be written twice.
 */
public final class Repeated {

    private static final String KEY = Repeated.class.getName();

    private Repeated() {
    }

    /** {@code write}, with every compare-and-set it makes treated as repeated. */
    public static <T> Mono<T> write(Mono<T> write) {
        return write.contextWrite(context -> context.put(KEY, Boolean.TRUE));
    }

    static boolean in(ContextView context) {
        return context.getOrDefault(KEY, Boolean.FALSE);
    }
}
