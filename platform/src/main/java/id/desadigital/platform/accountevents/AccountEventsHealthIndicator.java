package id.desadigital.platform.accountevents;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * DOWN until account-events has been read to its end: until then the service takes no token (503), so neither a
 * load balancer nor the launcher should count it ready.
 */
public class AccountEventsHealthIndicator implements HealthIndicator {

    private final AccountStates states;

    public AccountEventsHealthIndicator(AccountStates states) {
        this.states = states;
    }

    @Override
    public Health health() {
        return states.isCaughtUp()
                ? Health.up().withDetail("accountsWithChanges", states.size()).build()
                : Health.down().withDetail("reading", "account-events not yet read to its end").build();
    }
}
