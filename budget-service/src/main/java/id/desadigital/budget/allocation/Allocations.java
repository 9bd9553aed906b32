package id.desadigital.budget.allocation;

import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import id.desadigital.budget.ledger.EntryFactory;
import id.desadigital.budget.ledger.LedgerEntries;
import id.desadigital.budget.ledger.LedgerEntry;
import id.desadigital.budget.ledger.Outboxed;
import id.desadigital.budget.ledger.LedgerProperties;
import id.desadigital.budget.program.Program;
import id.desadigital.budget.program.Programs;
import id.desadigital.budget.program.Reservation;
import id.desadigital.budget.village.KnownVillages;
import id.desadigital.contracts.budget.AllocationAdjusted;
import id.desadigital.contracts.budget.BudgetEvents;
import id.desadigital.contracts.budget.FundsAllocated;
import id.desadigital.platform.web.ApiProblem;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Allocating a program's money to villages, and adjusting allocations. Money moving toward a village is first
 * reserved on the program (the ceiling rule, one compare-and-set there), then recorded in the village's account
 * (one compare-and-set there); a decrease goes the other way, recorded by the village first (the spending rule),
 * then given back to the program. Between the two steps the program counts the money as allocated, which can only
 * refuse an allocation that would have fitted, never let through one that does not; a reservation whose request
 * died is finished by {@link ReservationSweeper}.
 */
@Service
public class Allocations {

    private final Programs programs;
    private final Accounts accounts;
    private final LedgerEntries ledger;
    private final KnownVillages villages;
    private final EntryFactory entries;
    private final Cache<String, LedgerEntry> created;

    public Allocations(Programs programs, Accounts accounts, LedgerEntries ledger, KnownVillages villages,
            EntryFactory entries, LedgerProperties properties) {
        this.programs = programs;
        this.accounts = accounts;
        this.ledger = ledger;
        this.villages = villages;
        this.entries = entries;
        this.created = Caffeine.newBuilder().maximumSize(properties.knownAllocations()).build();
    }

    public Mono<AllocationView> allocate(String programId, String allocationId, String villageCode, long amount,
            String note, String actor) {
        return villages.isActive(villageCode)
                .filter(Boolean::booleanValue)
                .switchIfEmpty(Mono.error(() -> ApiProblem.unprocessable(
                        "Village " + villageCode + " is unknown or inactive; only active villages receive allocations")))
                // Refused early if the village already has one (the account decides for certain later); the
                // reservation's compare-and-set reads the program, and answers 404 for an unknown one.
                .then(accounts.find(villageCode))
                .flatMap(account -> account.allocationIn(programId)
                        .filter(existing -> !existing.id().equals(allocationId))
                        .map(existing -> Mono.<Void>error(alreadyAllocated(villageCode, existing)))
                        .orElse(Mono.empty()))
                .then(Mono.defer(() -> programs.reserve(programId, new Reservation(allocationId, allocationId,
                        villageCode, amount, actor, note, entries.now()))))
                .flatMap(program -> complete(program, reservation(program, allocationId)))
                .then(view(allocationId));
    }

    public Mono<AllocationView> adjust(String allocationId, String entryId, long delta, String reason, String actor) {
        return allocationEntry(allocationId).flatMap(created -> {
            String villageCode = created.villageCode();
            String programId = created.programId();
            if (delta > 0) {
                return programs.reserve(programId, new Reservation(entryId, allocationId, villageCode, delta, actor,
                                reason, entries.now()))
                        .flatMap(program -> complete(program, reservation(program, entryId)));
            }
            return accounts.change(villageCode, account -> {
                if (account.holds(entryId)) {
                    return null;
                }
                AccountAllocation allocation = account.allocation(allocationId).orElseThrow();
                if (allocation.isAdjustedBy(entryId)) {
                    return null;
                }
                account.requireOpen(allocation);
                long amount = Math.addExact(allocation.amount(), delta);
                if (amount < allocation.spent()) {
                    throw ApiProblem.conflict("The allocation cannot go below what is spent from it: Rp "
                            + allocation.spent());
                }
                return adjusted(account, allocation, entryId, delta, amount, reason, actor);
            }).flatMap(accounts::relay);
        }).then(view(allocationId));
    }

    /**
     * Carries a reservation into its village's account, then settles it on the program; a new allocation that finds
     * the village already holding one in the program is cancelled instead, and its money returns.
     */
    Mono<Void> complete(Program program, Reservation reservation) {
        if (reservation == null) {
            return Mono.empty();
        }
        return accounts.openAndChange(reservation.villageCode(), account -> take(account, program, reservation))
                .flatMap(accounts::relay)
                .then(programs.settle(program.id(), reservation.entryId()))
                .onErrorResume(AlreadyAllocated.class, refused -> programs.cancel(program.id(), reservation.entryId())
                        .then(Mono.error(refused.problem())))
                .then();
    }

    private Update take(VillageAccount account, Program program, Reservation reservation) {
        if (account.holds(reservation.entryId())) {
            return null;
        }
        if (reservation.isNewAllocation()) {
            if (account.allocation(reservation.allocationId()).isPresent()) {
                return null;
            }
            var existing = account.allocationIn(program.id());
            if (existing.isPresent()) {
                throw new AlreadyAllocated(alreadyAllocated(account.villageCode(), existing.get()));
            }
            AccountAllocation allocation = new AccountAllocation(reservation.allocationId(), program.id(),
                    program.fiscalYear(), reservation.amount(), 0);
            LedgerEntry allocated = entries.next(account, reservation.entryId(), BudgetEvents.FUNDS_ALLOCATED,
                    reservation.actor(), program.id(), account.villageCode(), new FundsAllocated(allocation.id(), program.id(), program.fiscalYear(),
                            account.villageCode(), allocation.amount(), reservation.note()));
            return Outboxed.appending(allocated).push("allocations", allocation);
        }
        AccountAllocation allocation = account.allocation(reservation.allocationId()).orElseThrow();
        if (allocation.isAdjustedBy(reservation.entryId())) {
            // Taken before, and its entry has left the outbox since: only the settling is left.
            return null;
        }
        return adjusted(account, allocation, reservation.entryId(), reservation.amount(),
                Math.addExact(allocation.amount(), reservation.amount()), reservation.note(), reservation.actor());
    }

    private Update adjusted(VillageAccount account, AccountAllocation allocation, String entryId, long delta,
            long amount, String reason, String actor) {
        LedgerEntry entry = entries.next(account, entryId, BudgetEvents.ALLOCATION_ADJUSTED, actor,
                allocation.programId(), account.villageCode(),
                new AllocationAdjusted(allocation.id(), allocation.programId(), allocation.fiscalYear(),
                        account.villageCode(), delta, amount, reason));
        return Outboxed.appending(entry).set("allocations", account.with(allocation.adjustedBy(entryId, amount)));
    }

    /**
     * The entry that created the allocation: it names the allocation's village and program, which never change, so
     * it is kept in memory once read.
     */
    public Mono<LedgerEntry> allocationEntry(String allocationId) {
        LedgerEntry known = created.getIfPresent(allocationId);
        if (known != null) {
            return Mono.just(known);
        }
        return ledger.find(allocationId)
                .filter(entry -> entry.type().equals(BudgetEvents.FUNDS_ALLOCATED))
                .doOnNext(entry -> created.put(allocationId, entry))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("No allocation has id " + allocationId)));
    }

    public Mono<AllocationView> view(String allocationId) {
        return allocationEntry(allocationId)
                .flatMap(created -> accounts.find(created.villageCode())
                        .flatMap(account -> Mono.justOrEmpty(account.allocation(allocationId)
                                .map(allocation -> AllocationView.of(account.villageCode(), allocation)))));
    }

    public Flux<AllocationView> list(String programId, String villageCode) {
        Flux<VillageAccount> holding = villageCode != null ? accounts.find(villageCode).flux()
                : programId != null ? accounts.withProgram(programId)
                : Flux.error(ApiProblem.invalid("programId", "give programId, villageCode or both"));
        return holding.flatMapIterable(account -> account.allocations().stream()
                .filter(allocation -> programId == null || allocation.programId().equals(programId))
                .map(allocation -> AllocationView.of(account.villageCode(), allocation))
                .toList());
    }

    private static Reservation reservation(Program program, String entryId) {
        return program.reservations().stream().filter(r -> r.entryId().equals(entryId)).findFirst().orElse(null);
    }

    private static ApiProblem alreadyAllocated(String villageCode, AccountAllocation existing) {
        return ApiProblem.conflict("Village " + villageCode + " already has allocation " + existing.id()
                + " in program " + existing.programId() + "; adjust it instead");
    }

    /** Carries the 409 out of the account's compare-and-set, so that the reservation can be cancelled first. */
    private static final class AlreadyAllocated extends RuntimeException {

        private final ApiProblem problem;

        AlreadyAllocated(ApiProblem problem) {
            super(problem.getMessage(), null, false, false);
            this.problem = problem;
        }

        ApiProblem problem() {
            return problem;
        }
    }

}
