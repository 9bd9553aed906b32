package id.desadigital.budget.audit;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import id.desadigital.budget.allocation.VillageAccount;
import id.desadigital.budget.ledger.Chains;
import id.desadigital.budget.ledger.Chains.ChainRange;
import id.desadigital.budget.ledger.LedgerEntry;
import id.desadigital.budget.ledger.Outboxed;
import id.desadigital.budget.program.Program;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Verifies every chain of the ledger: each program's and each village account's. Chains are read a batch at a
 * time by their links, so the whole ledger is verified in a few reads per thousand entries and never held in
 * memory at once. The first bad entry reported is the earliest written among the chains' first bad entries.
 */
@Component
class LedgerVerification {

    private final ReactiveMongoTemplate mongo;
    private final Chains chains;
    private final AuditProperties properties;

    LedgerVerification(ReactiveMongoTemplate mongo, Chains chains, AuditProperties properties) {
        this.mongo = mongo;
        this.chains = chains;
        this.properties = properties;
    }

    Mono<Verdict> verify() {
        Flux<Outboxed> documents = Flux.concat(chains(Program.COLLECTION), chains(VillageAccount.COLLECTION));
        return documents
                .buffer(properties.chainsPerRead())
                .flatMap(this::check, properties.verifyConcurrency())
                .reduce(Verdict.VALID, Verdict::and);
    }

    /**
     * Only what a chain needs of its document, read as plain fields: a document the service could no longer map
     * (written by hand, or by an older version) is still verified, never a reason for a 500.
     */
    private Flux<Outboxed> chains(String collection) {
        Query query = new Query();
        query.fields().include(Outboxed.SEQUENCE, Outboxed.CHAIN_HASH, Outboxed.PENDING);
        return mongo.find(query, Document.class, collection).map(document -> new ChainDocument(
                String.valueOf(document.get(Outboxed.ID)),
                document.get(Outboxed.SEQUENCE) instanceof Number sequence ? sequence.longValue() : 0,
                document.getString(Outboxed.CHAIN_HASH),
                document.getList(Outboxed.PENDING, Document.class, List.of()).stream()
                        .map(entry -> mongo.getConverter().read(LedgerEntry.class, entry)).toList()));
    }

    /** A chain's document as verification reads it. */
    private record ChainDocument(String id, long sequence, String chainHash, List<LedgerEntry> pending)
            implements Outboxed {

        @Override
        public long revision() {
            return 0;
        }
    }

    private Flux<ChainCheck.Result> check(List<Outboxed> documents) {
        List<ChainRange> ranges = documents.stream()
                .map(document -> new ChainRange(document.id(), 1, document.sequence())).toList();
        return chains.read(ranges).collectList().flatMapIterable(stored -> {
            Map<String, List<LedgerEntry>> byChain = stored.stream()
                    .collect(Collectors.groupingBy(LedgerEntry::key));
            return documents.stream()
                    .map(document -> ChainCheck.check(document, byChain.getOrDefault(document.id(), List.of())))
                    .toList();
        });
    }

    /** The ledger's verdict: how many entries were checked, and the earliest bad one if any. */
    record Verdict(long entries, ChainCheck.BadEntry firstBad) {

        static final Verdict VALID = new Verdict(0, null);

        private static final Comparator<ChainCheck.BadEntry> EARLIEST = Comparator.comparing(
                ChainCheck.BadEntry::occurredAt, Comparator.nullsLast(Comparator.naturalOrder()));

        Verdict and(ChainCheck.Result chain) {
            ChainCheck.BadEntry bad = firstBad;
            if (chain.bad() != null && (bad == null || EARLIEST.compare(chain.bad(), bad) < 0)) {
                bad = chain.bad();
            }
            return new Verdict(entries + chain.entries(), bad);
        }
    }
}
