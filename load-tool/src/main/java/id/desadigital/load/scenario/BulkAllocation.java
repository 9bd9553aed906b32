package id.desadigital.load.scenario;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import id.desadigital.contracts.Topics;
import id.desadigital.load.LoadSettings;
import id.desadigital.load.measure.EventLag;
import id.desadigital.load.measure.Figures;
import id.desadigital.load.measure.Phase;
import id.desadigital.load.report.Table;
import id.desadigital.load.stack.Api;

/**
 * A finance officer allocating a new program to many villages at once, as the officer's bulk page does: one request
 * per village, each with its own Idempotency-Key, {@code concurrency} at a time. Once directly to budget-service and
 * once through the gateway, each into its own program (a village has one allocation per program); afterwards each
 * program's allocated total must be exactly what was acknowledged.
 */
final class BulkAllocation implements Scenario {

    private static final long AMOUNT = 6_000_000L;

    private final Context context;
    private final LoadSettings settings;
    private final Api api;

    BulkAllocation(Context context) {
        this.context = context;
        this.settings = context.settings();
        this.api = context.api();
    }

    @Override
    public String title() {
        return "Bulk allocation";
    }

    @Override
    public String run() throws Exception {
        List<String> villages = context.villages(settings.bulkVillages());
        String officer = context.officer();
        Table allocations = new Table("target", "allocations/s", "p50 ms", "p99 ms", "p99.9 ms", "max ms", "errors");
        Table lags = new Table("lag, target", "p50 ms", "p99 ms", "p99.9 ms", "max ms", "samples");
        StringBuilder totals = new StringBuilder();
        try (EventLag events = new EventLag(settings.kafka(), Topics.BUDGET_EVENTS)) {
            for (Context.Target target : context.ledgerTargets()) {
                String program = context.program("Alokasi massal " + target.name(), AMOUNT * villages.size());
                Figures phase = Phase.each(target.name(), settings.concurrency(), villages, village -> {
                    Api.Answer answer = api.post(officer, target.url() + "/api/budget/programs/" + program
                            + "/allocations", Map.of("villageCode", village, "amount", AMOUNT));
                    if (answer.status() != 201) {
                        return false;
                    }
                    events.acknowledged(answer.id());
                    return true;
                });
                allocations.figures(phase, target.name());
                lags.percentiles(events.interval(), "acknowledged → event on budget-events, " + target.name());
                long allocated = api.read(officer, settings.budget() + "/api/budget/programs/" + program)
                        .path("allocated").asLong();
                totals.append(String.format(Locale.ROOT, "%s: %s villages acknowledged, the program's allocated total"
                                + " Rp %s (%s).%n", target.name(), Table.whole(phase.latency().count()),
                        Table.whole(allocated), allocated == AMOUNT * phase.latency().count() ? "exact"
                                : "expected Rp " + Table.whole(AMOUNT * phase.latency().count())));
            }
        }
        return String.format(Locale.ROOT, "%s villages, Rp %s each, %d requests at once.%n%n", Table.whole(villages.size()),
                Table.whole(AMOUNT), settings.concurrency())
                + allocations.markdown() + '\n' + lags.markdown() + '\n' + totals;
    }
}
