package id.desadigital.budget.report;

import java.util.function.Supplier;
import java.util.function.ToIntFunction;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;

import reactor.core.publisher.Mono;

/**
 * Keeps the public endpoints' answers for a short while. They need no token, so anyone may ask as often as they
 * like, and a national answer reads every village account: without this, a loop of anonymous requests would keep
 * the store busy for the officers' writes. Concurrent requests for the same answer share one read. The public sees
 * figures up to {@code desa.reports.public-cache.ttl} old; the officers' and auditors' reports are never kept.
 */
@Component
class PublicAnswers {

    /** Null when {@code ttl} is zero: every request reads afresh. */
    private final AsyncCache<Object, Kept> answers;

    PublicAnswers(ReportProperties properties) {
        ReportProperties.PublicCache settings = properties.publicCache();
        this.answers = settings.ttl().isZero() ? null : Caffeine.newBuilder()
                .expireAfterWrite(settings.ttl())
                .maximumWeight(settings.maxSize().toBytes())
                .weigher((Object key, Kept kept) -> kept.bytes())
                .buildAsync();
    }

    /**
     * The answer for {@code key}, read by {@code load} unless a recent one is kept; {@code size} estimates its bytes,
     * which all kept answers together keep under {@code desa.reports.public-cache.max-size}. A failed read is not
     * kept. The read goes on when one client goes away, since others may be waiting for the same answer.
     */
    <T> Mono<T> get(Object key, Supplier<Mono<T>> load, ToIntFunction<T> size) {
        if (answers == null) {
            return load.get();
        }
        return Mono.defer(() -> Mono.fromFuture(answers.get(key, (k, executor) -> load.get()
                .map(answer -> new Kept(answer, Math.max(1, size.applyAsInt(answer)))).toFuture()), true))
                .map(kept -> {
                    @SuppressWarnings("unchecked")
                    T answer = (T) kept.answer();
                    return answer;
                });
    }

    private record Kept(Object answer, int bytes) {
    }
}
