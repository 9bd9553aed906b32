package id.desadigital.budget.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import id.desadigital.budget.BudgetServiceTest;
import id.desadigital.budget.ledger.LedgerEntry;
import id.desadigital.budget.program.FundingSource;
import id.desadigital.budget.program.NewProgram;
import id.desadigital.budget.program.Program;
import id.desadigital.budget.program.ProgramStatus;
import id.desadigital.budget.program.Programs;
import id.desadigital.budget.program.Reservation;
import id.desadigital.budget.village.KnownVillage;
import id.desadigital.budget.village.VillageStatus;
import id.desadigital.contracts.budget.BudgetEvents;
import reactor.test.StepVerifier;

/** What the sweeper finishes when the request that began it died: a reservation, a closing. */
@BudgetServiceTest
class ReservationSweeperTest {

    @Autowired
    Programs programs;

    @Autowired
    ReservationSweeper sweeper;

    @Autowired
    Allocations allocations;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void aReservationWhoseRequestDiedReachesItsVillage() {
        String village = "66.01.01.2" + String.format("%03d", (int) (Math.random() * 1000));
        mongo.save(new KnownVillage(village, "Desa", "66.01.01", "66.01", VillageStatus.ACTIVE, 1, "e",
                Instant.now())).block();
        String program = programs.create(UUID.randomUUID().toString(), new NewProgram(2026, "Sapu", 10_000_000,
                FundingSource.ADD, "1.4.08"), "finance").block().id();
        String allocation = UUID.randomUUID().toString();
        // The request reserved the money, then died; the reservation is old enough for the sweeper to finish.
        programs.reserve(program, new Reservation(allocation, allocation, village, 4_000_000, "finance", "Modem",
                Instant.now().minusSeconds(3600))).block();

        StepVerifier.create(sweeper.sweep()).verifyComplete();

        StepVerifier.create(mongo.findById(village, VillageAccount.class))
                .assertNext(account -> assertThat(account.allocation(allocation)).get()
                        .extracting(AccountAllocation::amount).isEqualTo(4_000_000L))
                .verifyComplete();
        StepVerifier.create(programs.get(program))
                .assertNext(stored -> {
                    assertThat(stored.reservations()).isEmpty();
                    assertThat(stored.allocated()).isEqualTo(4_000_000);
                })
                .verifyComplete();
    }

    @Test
    void aRaiseWhoseVillageTookItBeforeTheRequestDiedIsSettledNotTakenAgain() {
        String village = "66.01.02.2" + String.format("%03d", (int) (Math.random() * 1000));
        mongo.save(new KnownVillage(village, "Desa", "66.01.02", "66.01", VillageStatus.ACTIVE, 1, "e",
                Instant.now())).block();
        String program = programs.create(UUID.randomUUID().toString(), new NewProgram(2026, "Naik", 10_000_000,
                FundingSource.ADD, "1.4.08"), "finance").block().id();
        String allocation = UUID.randomUUID().toString();
        Reservation allocated = new Reservation(allocation, allocation, village, 4_000_000, "finance", "Modem",
                Instant.now());
        allocations.complete(programs.reserve(program, allocated).block(), allocated).block();
        String raise = UUID.randomUUID().toString();
        Reservation raised = new Reservation(raise, allocation, village, 1_000_000, "finance", "Tambah",
                Instant.now().minusSeconds(3600));
        // The request reserved the raise, the village took it and its entry went to the ledger; the process died
        // before the program settled the reservation.
        allocations.complete(programs.reserve(program, raised).block(), raised).block();
        mongo.updateFirst(Query.query(Criteria.where("_id").is(program)), new Update().push("reservations", raised),
                Program.class).block();

        StepVerifier.create(sweeper.sweep()).verifyComplete();

        StepVerifier.create(mongo.findById(village, VillageAccount.class))
                .assertNext(account -> {
                    assertThat(account.allocation(allocation)).get().extracting(AccountAllocation::amount)
                            .isEqualTo(5_000_000L);
                    assertThat(account.sequence()).isEqualTo(2);
                })
                .verifyComplete();
        StepVerifier.create(programs.get(program))
                .assertNext(stored -> {
                    assertThat(stored.reservations()).isEmpty();
                    assertThat(stored.allocated()).isEqualTo(5_000_000);
                })
                .verifyComplete();
    }

    @Test
    void aClosingWhoseRequestDiedIsFinishedInTheNameOfWhoeverAskedForIt() {
        String program = programs.create(UUID.randomUUID().toString(), new NewProgram(2026, "Tutup", 10_000_000,
                FundingSource.ADD, "1.4.08"), "finance").block().id();
        String closedEntry = UUID.randomUUID().toString();
        programs.beginClosing(program, closedEntry, "keuangan.siti").block();

        StepVerifier.create(sweeper.sweep()).verifyComplete();

        StepVerifier.create(programs.get(program))
                .assertNext(stored -> assertThat(stored.status()).isEqualTo(ProgramStatus.CLOSED))
                .verifyComplete();
        StepVerifier.create(mongo.findById(closedEntry, LedgerEntry.class))
                .assertNext(entry -> {
                    assertThat(entry.type()).isEqualTo(BudgetEvents.PROGRAM_CLOSED);
                    assertThat(entry.actor()).isEqualTo("keuangan.siti");
                    assertThat(entry.key()).isEqualTo(program);
                })
                .verifyComplete();
    }

}
