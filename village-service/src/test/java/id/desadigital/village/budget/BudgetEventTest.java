package id.desadigital.village.budget;

import static id.desadigital.village.budget.SampleBudgetEvents.adjusted;
import static id.desadigital.village.budget.SampleBudgetEvents.allocated;
import static id.desadigital.village.budget.SampleBudgetEvents.encode;
import static id.desadigital.village.budget.SampleBudgetEvents.keyedBy;
import static id.desadigital.village.budget.SampleBudgetEvents.programClosed;
import static id.desadigital.village.budget.SampleBudgetEvents.programCreated;
import static id.desadigital.village.budget.SampleBudgetEvents.reversed;
import static id.desadigital.village.budget.SampleBudgetEvents.spent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import id.desadigital.contracts.EventEnvelope;
import id.desadigital.contracts.budget.BudgetEvents;
import id.desadigital.platform.kafka.UnprocessableMessages;

/** What each budget event type moves, and which events break the contract. */
class BudgetEventTest {

    private static final String CODE = "73.71.01.1001";

    @Test
    void eachVillageEntryTypeMovesAllocatedOrSpentInItsDirection() {
        assertThat(movementOf(allocated(CODE, 1, 2026, 6_000_000))).isEqualTo(new Movement(6_000_000, 0));
        assertThat(movementOf(adjusted(CODE, 2, 2026, -500_000))).isEqualTo(new Movement(-500_000, 0));
        assertThat(movementOf(adjusted(CODE, 2, 2026, 750_000))).isEqualTo(new Movement(750_000, 0));
        assertThat(movementOf(spent(CODE, 3, 2026, 2_350_000))).isEqualTo(new Movement(0, 2_350_000));
        assertThat(movementOf(reversed(CODE, 4, 2026, 2_350_000))).isEqualTo(new Movement(0, -2_350_000));
    }

    @Test
    void anEventKeepsItsPositionAndFiscalYear() {
        EventEnvelope<?> envelope = spent(CODE, 7, 2027, 1_000);

        BudgetEvent event = decode(envelope).orElseThrow();

        assertThat(event.eventId()).isEqualTo(envelope.eventId());
        assertThat(event.villageCode()).isEqualTo(CODE);
        assertThat(event.sequence()).isEqualTo(7);
        assertThat(event.fiscalYear()).isEqualTo(2027);
        assertThat(event.occurredAt()).isEqualTo(envelope.occurredAt());
    }

    @Test
    void programLevelEventsAreAboutNoVillage() {
        assertThat(decode(programCreated(SampleBudgetEvents.PROGRAM, 1))).isEmpty();
        assertThat(decode(programClosed(SampleBudgetEvents.PROGRAM, 3))).isEmpty();
    }

    @Test
    void anEventKeyedByAnotherVillageIsRefused() {
        assertThatThrownBy(() -> decode(keyedBy("73.71.01.1002", allocated(CODE, 1, 2026, 1_000))))
                .isInstanceOf(RejectedBudgetEvent.class)
                .hasMessageContaining("differs from the payload's village code " + CODE);
    }

    @Test
    void amountsOutsideTheContractAreRefused() {
        assertThatThrownBy(() -> decode(allocated(CODE, 1, 2026, 0))).isInstanceOf(RejectedBudgetEvent.class)
                .hasMessageContaining("'amount' is 0");
        assertThatThrownBy(() -> decode(spent(CODE, 1, 2026, -5))).isInstanceOf(RejectedBudgetEvent.class);
        assertThatThrownBy(() -> decode(reversed(CODE, 1, 2026, BudgetEvent.MAX_AMOUNT + 1)))
                .isInstanceOf(RejectedBudgetEvent.class);
        assertThatThrownBy(() -> decode(adjusted(CODE, 1, 2026, 0))).isInstanceOf(RejectedBudgetEvent.class)
                .hasMessageContaining("'delta' is 0");
        assertThatThrownBy(() -> decode(adjusted(CODE, 1, 2026, Long.MIN_VALUE)))
                .isInstanceOf(RejectedBudgetEvent.class);
        assertThat(movementOf(adjusted(CODE, 1, 2026, -BudgetEvent.MAX_AMOUNT)).allocated())
                .isEqualTo(-BudgetEvent.MAX_AMOUNT);
    }

    @Test
    void aFiscalYearOrVillageCodeOutsideTheContractIsRefused() {
        assertThatThrownBy(() -> decode(allocated(CODE, 1, 1999, 1_000))).isInstanceOf(RejectedBudgetEvent.class)
                .hasMessageContaining("fiscal year 1999");
        assertThatThrownBy(() -> decode(allocated(CODE, 1, 0, 1_000))).isInstanceOf(RejectedBudgetEvent.class);
        assertThatThrownBy(() -> decode(allocated("73.71.01", 1, 2026, 1_000)))
                .isInstanceOf(RejectedBudgetEvent.class)
                .hasMessageContaining("not a village code");
    }

    @Test
    void aPayloadMissingItsAmountIsUnprocessableRatherThanReadAsZero() {
        String withoutAmount = encode(allocated(CODE, 1, 2026, 1_000)).replace("\"amount\":1000,", "");
        assertThat(withoutAmount).doesNotContain("amount");

        assertThatThrownBy(() -> BudgetEvent.from(BudgetEvents.codec().decode(withoutAmount)))
                .satisfies(failure -> assertThat(UnprocessableMessages.isUnprocessable(failure)).isTrue());
    }

    private static Movement movementOf(EventEnvelope<?> envelope) {
        return decode(envelope).orElseThrow().movement();
    }

    /** Through the wire format, as the listener meets it. */
    private static Optional<BudgetEvent> decode(EventEnvelope<?> envelope) {
        return BudgetEvent.from(BudgetEvents.codec().decode(encode(envelope)));
    }
}
