package id.desadigital.gateway.accountevents;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The slow path of the account outbox: publishes account events that were stored but never published (the gateway
 * died in between, or Kafka was away when the request was answered). At start-up it first makes the indexes and
 * gives the accounts changed before account events existed an event of their own; then it sweeps at once and every
 * {@code sweep-interval}. Beside that, it readies the topic and the producer, so the first account change is
 * published as fast as the next.
 */
@Component
class AccountEventSweeper implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AccountEventSweeper.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(30);

    private final AccountEventRelay relay;
    private final AccountEventProperties properties;
    private final Clock clock;
    private volatile Disposable sweeping;
    private volatile Disposable warmingUp;

    AccountEventSweeper(AccountEventRelay relay, AccountEventProperties properties, Clock clock) {
        this.relay = relay;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        Mono<Void> prepared = relay.ensureIndexes()
                .then(Mono.defer(() -> relay.recordEarlierChanges(clock.instant())))
                .doOnNext(recorded -> {
                    if (recorded > 0) {
                        log.info("Recorded account events for {} accounts changed before account events existed",
                                recorded);
                    }
                })
                .retryWhen(Retry.backoff(Long.MAX_VALUE, FIRST_RETRY).maxBackoff(LONGEST_RETRY)
                        .doBeforeRetry(signal -> log.warn("Cannot prepare the account outbox yet: {}",
                                signal.failure().toString())))
                .then();
        sweeping = prepared.thenMany(Flux.interval(Duration.ZERO, properties.sweepInterval())
                        .onBackpressureDrop()
                        .concatMap(tick -> sweepOnce(), 0))
                .subscribe();
        warmingUp = relay.warmUp()
                .subscribe(ready -> { }, failure -> log.warn("Cannot reach {} yet; the first account change will "
                        + "try again: {}", properties.topic(), failure.toString()));
    }

    Mono<Long> sweepOnce() {
        return relay.sweep()
                .doOnNext(published -> {
                    if (published > 0) {
                        log.info("The account outbox sweep published the events of {} accounts", published);
                    }
                })
                .onErrorResume(failure -> {
                    log.warn("The account outbox sweep failed; next one in {}: {}", properties.sweepInterval(),
                            failure.toString());
                    return Mono.empty();
                });
    }

    @Override
    public void destroy() {
        for (Disposable running : new Disposable[] {sweeping, warmingUp}) {
            if (running != null) {
                running.dispose();
            }
        }
    }
}
