package id.desadigital.budget.program;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import id.desadigital.budget.ledger.EntryRelay;
import id.desadigital.budget.ledger.OutboxedCollection;
import id.desadigital.platform.observability.PendingOutbox;

@Configuration(proxyBeanMethods = false)
class ProgramConfiguration {

    @Bean
    OutboxedCollection<Program> programOutbox(EntryRelay relay) {
        return new OutboxedCollection<>(Program.COLLECTION, Program.class,
                program -> relay.relay(program, Program.COLLECTION));
    }

    /** The outbox backlog gauge of programs (docs/observability.md). */
    @Bean
    PendingOutbox programBacklog(OutboxedCollection<Program> programOutbox) {
        return programOutbox.pending();
    }
}
