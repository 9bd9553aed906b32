package id.desadigital.budget.allocation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

import id.desadigital.budget.ledger.OutboxedCollection;
import id.desadigital.platform.observability.PendingOutbox;

@Configuration(proxyBeanMethods = false)
class AllocationConfiguration {

    /** Lazy: the sweeper needs the collection before the accounts' relay exists. */
    @Bean
    OutboxedCollection<VillageAccount> accountOutbox(@Lazy Accounts accounts) {
        return new OutboxedCollection<>(VillageAccount.COLLECTION, VillageAccount.class, accounts::relay);
    }

    /** The outbox backlog gauge of village accounts (docs/observability.md). */
    @Bean
    PendingOutbox accountBacklog(OutboxedCollection<VillageAccount> accountOutbox) {
        return accountOutbox.pending();
    }
}
