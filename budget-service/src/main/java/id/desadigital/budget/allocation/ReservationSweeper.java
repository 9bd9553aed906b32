package id.desadigital.budget.allocation;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import id.desadigital.budget.ledger.EntryFactory;
import id.desadigital.budget.ledger.LedgerProperties;
import id.desadigital.budget.program.ProgramStatus;
import id.desadigital.budget.program.Programs;
import id.desadigital.platform.scheduling.Periodic;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Finishes what a request began and did not end (it died, or its client went away): reservations older than
 * {@code desa.ledger.completion-delay} are carried to their villages, and closings are completed. Younger ones are
 * left to their own requests, which are most likely still at work.
 */
@Component
class ReservationSweeper {

    private static final Logger log = LoggerFactory.getLogger(ReservationSweeper.class);

    private final Programs programs;
    private final Allocations allocations;
    private final ProgramClosing closing;
    private final EntryFactory entries;
    private final Duration delay;
    private final Duration interval;
    private Disposable schedule;

    ReservationSweeper(Programs programs, Allocations allocations, ProgramClosing closing, EntryFactory entries,
            LedgerProperties properties, @Value("${desa.outbox.sweep-interval}") Duration interval) {
        this.programs = programs;
        this.allocations = allocations;
        this.closing = closing;
        this.entries = entries;
        this.delay = properties.completionDelay();
        this.interval = interval;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        schedule = Periodic.every(interval, interval, "Reservation sweep", this::sweep);
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.dispose();
        }
    }

    Mono<Void> sweep() {
        Instant before = entries.now().minus(delay);
        return programs.unfinished().concatMap(program -> {
            if (program.status() == ProgramStatus.CLOSING) {
                log.info("Finishing the closing of program {}", program.id());
                return closing.finish(program).then();
            }
            return Flux.fromIterable(program.reservations())
                    .filter(reservation -> reservation.reservedAt().isBefore(before))
                    .concatMap(reservation -> {
                        log.info("Finishing reservation {} of program {}", reservation.entryId(), program.id());
                        return allocations.complete(program, reservation).onErrorResume(e -> Mono.empty());
                    })
                    .then();
        }).then();
    }

}
