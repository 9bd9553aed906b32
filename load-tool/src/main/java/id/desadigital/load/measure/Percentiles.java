package id.desadigital.load.measure;

import org.HdrHistogram.Histogram;

/** A latency distribution in microseconds, as the report prints it. */
public record Percentiles(long count, long p50, long p99, long p999, long max) {

    public static Percentiles of(Histogram histogram) {
        if (histogram.getTotalCount() == 0) {
            return new Percentiles(0, 0, 0, 0, 0);
        }
        return new Percentiles(histogram.getTotalCount(), histogram.getValueAtPercentile(50),
                histogram.getValueAtPercentile(99), histogram.getValueAtPercentile(99.9), histogram.getMaxValue());
    }
}
