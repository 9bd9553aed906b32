package id.desadigital.load.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import id.desadigital.load.measure.Figures;
import id.desadigital.load.measure.Percentiles;

/** A Markdown table; numbers in the report's one style (thousands with commas, milliseconds to one decimal). */
public final class Table {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public Table(String... header) {
        this.header = List.of(header);
    }

    public Table row(String... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("a row of " + cells.length + " cells in a table of " + header.size());
        }
        rows.add(List.of(cells));
        return this;
    }

    /** Rate, p50, p99, p99.9, max and errors of a phase, after the given leading cells. */
    public Table figures(Figures figures, String... leading) {
        List<String> cells = new ArrayList<>(List.of(leading));
        cells.add(rate(figures.perSecond()));
        cells.addAll(latency(figures.latency()));
        cells.add(whole(figures.errors()));
        return row(cells.toArray(String[]::new));
    }

    /** p50, p99, p99.9, max and the sample count of a distribution, after the given leading cells. */
    public Table percentiles(Percentiles percentiles, String... leading) {
        List<String> cells = new ArrayList<>(List.of(leading));
        cells.addAll(latency(percentiles));
        cells.add(whole(percentiles.count()));
        return row(cells.toArray(String[]::new));
    }

    public String markdown() {
        StringBuilder text = new StringBuilder();
        line(text, header);
        line(text, header.stream().map(cell -> "---").toList());
        rows.forEach(row -> line(text, row));
        return text.toString();
    }

    public static String rate(double perSecond) {
        return perSecond >= 100 ? whole(Math.round(perSecond)) : String.format(Locale.ROOT, "%.1f", perSecond);
    }

    public static String whole(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    public static String millis(long micros) {
        return String.format(Locale.ROOT, "%,.1f", micros / 1000.0);
    }

    public static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.0f %%", ratio * 100);
    }

    private static List<String> latency(Percentiles percentiles) {
        return List.of(millis(percentiles.p50()), millis(percentiles.p99()), millis(percentiles.p999()),
                millis(percentiles.max()));
    }

    private static void line(StringBuilder text, List<String> cells) {
        text.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }
}
