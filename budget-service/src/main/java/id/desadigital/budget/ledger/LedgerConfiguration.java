package id.desadigital.budget.ledger;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import id.desadigital.contracts.EventCodec;
import id.desadigital.contracts.budget.BudgetEvents;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LedgerProperties.class)
class LedgerConfiguration {

    /** Encodes ledger entries as budget-events messages. */
    @Bean
    EventCodec budgetEventCodec() {
        return BudgetEvents.codec();
    }

    /** Entries carry UTC instants; tests may replace the clock. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
