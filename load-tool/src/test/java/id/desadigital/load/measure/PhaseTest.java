package id.desadigital.load.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class PhaseTest {

    @Test
    void everyItemIsCalledOnceAndFailuresAreCountedApartFromTheLatencies() {
        Set<Integer> called = ConcurrentHashMap.newKeySet();
        List<Integer> items = IntStream.range(0, 1_000).boxed().toList();

        Figures figures = Phase.each("direct", 8, items, item -> {
            assertThat(called.add(item)).isTrue();
            if (item % 10 == 0) {
                throw new IllegalStateException("refused");
            }
            return item % 10 != 1;
        });

        assertThat(called).hasSize(1_000);
        assertThat(figures.latency().count()).isEqualTo(800);
        assertThat(figures.errors()).isEqualTo(200);
        assertThat(figures.target()).isEqualTo("direct");
        assertThat(figures.perSecond()).isPositive();
    }

    @Test
    void aTimedPhaseStopsCallingWhenItsTimeIsUp() {
        Figures figures = Phase.timed("gateway", 2, Duration.ofMillis(300), () -> true);

        assertThat(figures.seconds()).isBetween(0.3, 5.0);
        assertThat(figures.latency().count()).isPositive();
        assertThat(figures.latency().p50()).isLessThanOrEqualTo(figures.latency().p99());
        assertThat(figures.latency().p99()).isLessThanOrEqualTo(figures.latency().max());
    }
}
