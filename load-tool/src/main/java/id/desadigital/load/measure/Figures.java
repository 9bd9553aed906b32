package id.desadigital.load.measure;

/**
 * One measured phase against one target: how many calls succeeded per second and how long they took, and how many
 * failed (any answer but the expected one, or none).
 */
public record Figures(String target, double seconds, Percentiles latency, long errors) {

    public double perSecond() {
        return seconds <= 0 ? 0 : latency.count() / seconds;
    }
}
