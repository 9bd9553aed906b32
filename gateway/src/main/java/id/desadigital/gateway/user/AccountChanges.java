package id.desadigital.gateway.user;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import id.desadigital.gateway.accountevents.AccountEventRelay;
import reactor.core.publisher.Mono;

/**
 * Announces a stored change that ends an account's tokens (a new password, disabling, enabling): to this instance at
 * once ({@link AccountChanged}, which its token checks listen to), and to the services through account-events.
 */
@Component
class AccountChanges {

    private final ApplicationEventPublisher events;
    private final AccountEventRelay accountEvents;

    AccountChanges(ApplicationEventPublisher events, AccountEventRelay accountEvents) {
        this.events = events;
        this.accountEvents = accountEvents;
    }

    Mono<Void> announce(String username) {
        return Mono.fromRunnable(() -> events.publishEvent(new AccountChanged(username)))
                .then(accountEvents.publishAfterChange(username));
    }
}
