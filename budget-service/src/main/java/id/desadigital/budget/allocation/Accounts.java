package id.desadigital.budget.allocation;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.function.Function;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import id.desadigital.budget.ledger.CompareAndSet;
import id.desadigital.budget.ledger.EntryRelay;
import id.desadigital.budget.ledger.LedgerEntry;
import id.desadigital.budget.ledger.Outboxed;
import id.desadigital.budget.program.ProgramSpending;
import id.desadigital.budget.program.Programs;
import id.desadigital.contracts.budget.BudgetEvents;
import id.desadigital.platform.web.ApiProblem;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code village_accounts} collection and the one way to change an account. */
@Component
public class Accounts implements ProgramSpending {

    private static final String ALLOCATIONS = "allocations";

    private final ReactiveMongoTemplate mongo;
    private final CompareAndSet cas;
    private final EntryRelay relay;
    private final Programs programs;

    public Accounts(ReactiveMongoTemplate mongo, CompareAndSet cas, EntryRelay relay, Programs programs) {
        this.mongo = mongo;
        this.cas = cas;
        this.relay = relay;
        this.programs = programs;
    }

    public Mono<VillageAccount> find(String villageCode) {
        return mongo.findById(villageCode, VillageAccount.class);
    }

    @Override
    public Mono<Long> spentFrom(String programId) {
        return withProgram(programId)
                .flatMapIterable(account -> account.allocationIn(programId).stream().toList())
                .reduce(0L, (sum, allocation) -> Math.addExact(sum, allocation.spent()));
    }

    /** Accounts holding an allocation of the program. */
    public Flux<VillageAccount> withProgram(String programId) {
        return mongo.find(query(where(ALLOCATIONS + ".programId").is(programId)), VillageAccount.class);
    }

    /**
     * Changes an account by compare-and-set. {@code decide} sees the account as read and returns the update (the
     * entry bookkeeping comes from {@link Outboxed#appending}), null for nothing to do, or throws to refuse.
     */
    public Mono<VillageAccount> change(String villageCode, Function<VillageAccount, Update> decide) {
        return cas.apply(VillageAccount.COLLECTION, VillageAccount.class, villageCode, decide,
                () -> ApiProblem.notFound("Village " + villageCode + " has no allocations"));
    }

    /** {@link #change}, opening the account first if the village has none yet (its first allocation). */
    Mono<VillageAccount> openAndChange(String villageCode, Function<VillageAccount, Update> decide) {
        return find(villageCode)
                .switchIfEmpty(Mono.defer(() -> mongo.insert(VillageAccount.open(villageCode))
                        .onErrorResume(DuplicateKeyException.class, e -> find(villageCode))))
                .then(change(villageCode, decide));
    }

    /**
     * Relays the account's pending entries. A decrease of an allocation is first given back to its program's
     * ceiling (once, by entry id): it leaves the outbox only after the program has counted it.
     */
    public Mono<Void> relay(VillageAccount account) {
        return Flux.fromIterable(account.pending())
                .filter(entry -> entry.type().equals(BudgetEvents.ALLOCATION_ADJUSTED) && entry.longValue("delta") < 0)
                .concatMap(decrease -> programs.release(decrease.programId(), decrease.id(), -decrease.longValue("delta")))
                .then(relay.relay(account, VillageAccount.COLLECTION));
    }

    public Mono<VillageAccount> relayed(VillageAccount account) {
        return relay(account).thenReturn(account);
    }

    /** Closes the program's allocations in every account holding one; a concurrent change then decides again. */
    Mono<Void> closeProgram(String programId) {
        return mongo.updateMulti(query(where(ALLOCATIONS + ".programId").is(programId)),
                new Update().addToSet("closedPrograms", programId).inc(Outboxed.REVISION, 1),
                VillageAccount.class).then();
    }
}
