package id.desadigital.budget.ledger;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxAttempts     how often a write is decided again after losing the race for its document to another
 *                        instance (within one instance, writes to a document take turns)
 * @param completionDelay how old an unfinished change (a reservation, a closing) must be before the sweeper
 *                        finishes it instead of the request that started it
 * @param knownAllocations how many allocations' villages each instance keeps in memory (an allocation never moves
 *                        to another village, so what is kept is never stale); the nation has about 84,000
 * @param linksPerQuery   how many entries one {@code $in} read of chains asks for: a page of history is one read,
 *                        verifying the whole ledger a read per this many entries
 * @param secondaryIndexes whether the ledger's search indexes (by time, program, actor) are made; false on the
 *                        embedded store, which cannot use them and pays for them at every start
 */
@ConfigurationProperties("desa.ledger")
public record LedgerProperties(int maxAttempts, Duration completionDelay, long knownAllocations, int linksPerQuery,
        boolean secondaryIndexes) {
}
