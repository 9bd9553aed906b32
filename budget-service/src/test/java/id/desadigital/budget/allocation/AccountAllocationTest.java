package id.desadigital.budget.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** What an allocation keeps per category as spending is recorded and reversed. */
class AccountAllocationTest {

    private final AccountAllocation fresh = new AccountAllocation("a", "p", 2026, 6_000_000, 0);

    @Test
    void spendingCountsInItsCategoryAndInTheTotal() {
        AccountAllocation spent = fresh.withSpending("HARDWARE", 2_000_000).withSpending("HARDWARE", 500_000)
                .withSpending("TRAINING", 300_000);

        assertThat(spent.spent()).isEqualTo(2_800_000);
        assertThat(spent.spentByCategory()).isEqualTo(Map.of("HARDWARE", 2_500_000L, "TRAINING", 300_000L));
        assertThat(spent.uncategorised()).isZero();
        assertThat(spent.amount()).isEqualTo(6_000_000);
    }

    @Test
    void aReversalTakesItBackFromItsCategory() {
        AccountAllocation reversed = fresh.withSpending("HARDWARE", 2_000_000).withReversal("HARDWARE", 2_000_000);

        assertThat(reversed.spent()).isZero();
        assertThat(reversed.spentByCategory()).isEqualTo(Map.of("HARDWARE", 0L));
    }

    @Test
    void spendingFromBeforeCategoriesWereKeptLeavesOnlyTheTotalWhenReversed() {
        AccountAllocation legacy = new AccountAllocation("a", "p", 2026, 6_000_000, 1_000_000, null, null)
                .withSpending("HARDWARE", 400_000);
        assertThat(legacy.uncategorised()).isEqualTo(1_000_000);

        AccountAllocation reversed = legacy.withReversal("DATA", 1_000_000);

        assertThat(reversed.spent()).isEqualTo(400_000);
        assertThat(reversed.spentByCategory()).isEqualTo(Map.of("HARDWARE", 400_000L));
        assertThat(reversed.uncategorised()).isZero();
    }

    @Test
    void anOverflowFailsInsteadOfWrapping() {
        AccountAllocation full = new AccountAllocation("a", "p", 2026, Long.MAX_VALUE, Long.MAX_VALUE - 1,
                Map.of("DATA", Long.MAX_VALUE - 1), List.of());

        assertThatThrownBy(() -> full.withSpending("DATA", 2)).isInstanceOf(ArithmeticException.class);
    }
}
