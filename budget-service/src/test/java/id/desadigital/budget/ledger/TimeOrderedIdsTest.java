package id.desadigital.budget.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void anIdIsAVersion7UuidCarryingItsMillisecond() {
        Instant now = Instant.parse("2026-11-29T15:30:00.123Z");

        UUID id = UUID.fromString(TimeOrderedIds.next(now));

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(now.toEpochMilli());
    }

    @Test
    void idsMadeLaterSortAfterAsText() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            made.add(TimeOrderedIds.next(start.plusMillis(i * 7L)));
        }

        assertThat(made).isSorted();
    }

    @Test
    void idsMadeInTheSameMillisecondAreStillDistinct() {
        Instant now = Instant.now();
        Set<String> made = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            made.add(TimeOrderedIds.next(now));
        }

        assertThat(made).hasSize(100_000);
    }

    /** The national ledger generator makes the same ledger again from the same seed. */
    @Test
    void aSeededRandomMakesTheSameIdsAgain() {
        Instant at = Instant.parse("2026-03-01T02:00:00Z");

        assertThat(TimeOrderedIds.next(at, new Random(2026))).isEqualTo(TimeOrderedIds.next(at, new Random(2026)))
                .isNotEqualTo(TimeOrderedIds.next(at, new Random(2027)));
    }
}
