package id.desadigital.load.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import id.desadigital.load.measure.Figures;
import id.desadigital.load.measure.Percentiles;

class TableTest {

    @Test
    void aPhaseIsItsRateItsPercentilesInMillisecondsAndItsErrors() {
        Figures figures = new Figures("gateway", 20.0, new Percentiles(8_000, 41_250, 88_100, 140_000, 612_345), 3);

        String markdown = new Table("target", "writes/s", "p50 ms", "p99 ms", "p99.9 ms", "max ms", "errors")
                .figures(figures, "gateway").markdown();

        assertThat(markdown).isEqualTo("""
                | target | writes/s | p50 ms | p99 ms | p99.9 ms | max ms | errors |
                | --- | --- | --- | --- | --- | --- | --- |
                | gateway | 400 | 41.3 | 88.1 | 140.0 | 612.3 | 3 |
                """);
    }

    @Test
    void slowRatesKeepADecimalAndLargeCountsTheirThousands() {
        assertThat(Table.rate(12.34)).isEqualTo("12.3");
        assertThat(Table.rate(1234.4)).isEqualTo("1,234");
        assertThat(Table.whole(83_762)).isEqualTo("83,762");
        assertThat(Table.percent(0.856)).isEqualTo("86 %");
    }

    @Test
    void aRowMustFillTheTable() {
        assertThatThrownBy(() -> new Table("a", "b").row("only one")).isInstanceOf(IllegalArgumentException.class);
    }
}
