package id.desadigital.load.scenario;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import id.desadigital.load.LoadSettings;
import id.desadigital.load.measure.Figures;
import id.desadigital.load.measure.Phase;
import id.desadigital.load.report.Table;
import id.desadigital.load.stack.Api;

/**
 * Auditors and citizens reading while the year is audited: one village's history page, its figures now and as of an
 * hour ago, the realization by district for its whole province, and the public page of a village's budget. Each
 * query runs {@code auditClients} clients for {@code seconds}, directly to budget-service and through the gateway,
 * on villages picked at random among those the spending peak gives an allocation.
 */
final class AuditorQueries implements Scenario {

    private final Context context;
    private final LoadSettings settings;
    private final Api api;

    AuditorQueries(Context context) {
        this.context = context;
        this.settings = context.settings();
        this.api = context.api();
    }

    @Override
    public String title() {
        return "Auditor queries";
    }

    @Override
    public String run() {
        List<String> villages = context.villages(settings.allocations());
        String auditor = context.stack().user("auditor", "AUDITOR", null);
        int year = settings.fiscalYear();
        String province = villages.get(0).substring(0, 2);
        Instant hourAgo = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        List<Query> queries = List.of(
                new Query("a village's history page", code -> "/api/budget/ledger?villageCode=" + code + "&size=50"),
                new Query("a village's figures", code -> "/api/budget/villages/" + code + "/summary?fiscalYear=" + year),
                new Query("a village's figures an hour ago", code -> "/api/budget/villages/" + code
                        + "/summary?fiscalYear=" + year + "&asOf=" + hourAgo),
                new Query("realization by district, province " + province, code ->
                        "/api/budget/reports/realization?fiscalYear=" + year + "&groupBy=district&provinceCode=" + province),
                new Query("public budget of a village (no token)", code -> "/api/public/villages/" + code
                        + "/budget?fiscalYear=" + year));
        Table table = new Table("query", "target", "answers/s", "p50 ms", "p99 ms", "p99.9 ms", "max ms", "errors");
        for (Query query : queries) {
            String token = query.name().contains("no token") ? null : auditor;
            for (Context.Target target : context.ledgerTargets()) {
                Figures phase = Phase.timed(target.name(), settings.auditClients(), Duration.ofSeconds(settings.seconds()),
                        () -> {
                            String code = villages.get(ThreadLocalRandom.current().nextInt(villages.size()));
                            return api.get(token, target.url() + query.path().apply(code)).status() == 200;
                        });
                table.figures(phase, query.name(), target.name());
            }
        }
        return String.format(Locale.ROOT, "%d clients per query, %d s per query and target, random villages among %s.%n%n",
                settings.auditClients(), settings.seconds(), Table.whole(villages.size())) + table.markdown();
    }

    private record Query(String name, Function<String, String> path) {
    }
}
