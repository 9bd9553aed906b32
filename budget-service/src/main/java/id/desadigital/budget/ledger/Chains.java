package id.desadigital.budget.ledger;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;

/**
 * Reads chains of stored ledger entries by their links ({@code key/sequence}), which the unique {@code chain_link}
 * index finds one by one: a village's history costs as many index lookups as it has entries, however large the
 * ledger grows, on MongoDB and on the embedded store.
 */
@Component
public class Chains {

    private final ReactiveMongoTemplate mongo;
    private final int linksPerQuery;

    public Chains(ReactiveMongoTemplate mongo, LedgerProperties properties) {
        this.mongo = mongo;
        this.linksPerQuery = properties.linksPerQuery();
    }

    /** The stored entries of one chain from sequence {@code from} to {@code to} (both included), in order. */
    public Flux<LedgerEntry> read(String key, long from, long to) {
        return read(List.of(new ChainRange(key, from, to)));
    }

    /** The stored entries of several chains, each chain in sequence order. Entries not stored yet are absent. */
    public Flux<LedgerEntry> read(Collection<ChainRange> ranges) {
        List<String> links = ranges.stream()
                .flatMap(range -> LongStream.rangeClosed(range.from(), range.to())
                        .mapToObj(sequence -> LedgerEntry.link(range.key(), sequence)))
                .toList();
        List<List<String>> queries = new ArrayList<>();
        for (int i = 0; i < links.size(); i += linksPerQuery) {
            queries.add(links.subList(i, Math.min(links.size(), i + linksPerQuery)));
        }
        return Flux.fromIterable(queries)
                .concatMap(some -> mongo.find(query(where(LedgerEntry.LINK).in(some)), LedgerEntry.class)
                        .collectSortedList(Comparator.comparing(LedgerEntry::key)
                                .thenComparingLong(LedgerEntry::sequence))
                        .flatMapIterable(sorted -> sorted));
    }

    /**
     * Entries {@code from..to} of a document's chain, stored or still only in its outbox (a request whose relay
     * failed was answered all the same, so its entry belongs to the history), in order.
     */
    public Flux<LedgerEntry> of(Outboxed document, long from, long to) {
        long last = Math.min(to, document.sequence());
        return read(document.id(), from, last).collectList()
                .flatMapIterable(stored -> merged(document, stored, from, last).values());
    }

    /**
     * Places {@code from..to} of a document's chain by sequence: the stored entries, and where one is not stored
     * yet, the document's pending one.
     */
    public static Map<Long, LedgerEntry> merged(Outboxed document, List<LedgerEntry> stored, long from, long to) {
        Map<Long, LedgerEntry> chain = new TreeMap<>();
        document.pending().stream().filter(entry -> entry.sequence() >= from && entry.sequence() <= to)
                .forEach(entry -> chain.put(entry.sequence(), entry));
        stored.forEach(entry -> chain.put(entry.sequence(), entry));
        return chain;
    }

    /** Sequences {@code from..to} of chain {@code key}; empty when {@code to < from}. */
    public record ChainRange(String key, long from, long to) {
    }
}
