package id.desadigital.load.scenario;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import id.desadigital.contracts.Topics;
import id.desadigital.load.LoadSettings;
import id.desadigital.load.measure.EventLag;
import id.desadigital.load.measure.Figures;
import id.desadigital.load.measure.Percentiles;
import id.desadigital.load.measure.Phase;
import id.desadigital.load.report.Table;
import id.desadigital.load.stack.Api;
import id.desadigital.load.stack.Stack;

/**
 * The year-end peak: every village head reporting spending at once. Setup (not timed): a program per regency, as
 * each regency funds its own villages, one allocation for each of {@code allocations} villages, and a head for the
 * first {@code heads} of them. Then {@code concurrency} clients each report Rp 1 of spending from a random head's
 * allocation, as fast as they are answered: directly to budget-service, then through the gateway. Every acknowledged
 * write's event is timed on budget-events, and a probe times one write every 200 ms until village-service shows it.
 */
final class SpendingPeak implements Scenario {

    private static final long ALLOCATION = 100_000_000L;
    private static final Duration PROBE_INTERVAL = Duration.ofMillis(200);

    private final Context context;
    private final LoadSettings settings;
    private final Api api;

    SpendingPeak(Context context) {
        this.context = context;
        this.settings = context.settings();
        this.api = context.api();
    }

    @Override
    public String title() {
        return "Year-end spending peak";
    }

    @Override
    public String run() throws Exception {
        List<String> codes = context.villages(settings.allocations() + 1);
        long setupStart = System.nanoTime();
        Map<String, String> allocationOf = allocate(codes);
        double setupSeconds = (System.nanoTime() - setupStart) / 1e9;
        List<Spender> spenders = new ArrayList<>();
        Context.parallel(codes.subList(0, settings.heads()), code -> {
            Spender spender = new Spender(allocationOf.get(code), code,
                    context.stack().user("kades." + code, "VILLAGE_HEAD", code));
            synchronized (spenders) {
                spenders.add(spender);
            }
        });
        String probeCode = codes.get(codes.size() - 1);
        Spender probe = new Spender(allocationOf.get(probeCode), probeCode,
                context.stack().user("kades.probe", "VILLAGE_HEAD", probeCode));

        Table writes = new Table("target", "writes/s", "p50 ms", "p99 ms", "p99.9 ms", "max ms", "errors");
        Table lags = new Table("lag, target", "p50 ms", "p99 ms", "p99.9 ms", "max ms", "samples");
        List<Figures> measured = new ArrayList<>();
        try (EventLag events = new EventLag(settings.kafka(), Topics.BUDGET_EVENTS)) {
            if (settings.warmupSeconds() > 0) {
                load(settings.gateway(), "warm-up", spenders, events, settings.warmupSeconds());
                events.interval();
            }
            for (Context.Target target : context.ledgerTargets()) {
                FigureProbe figures = new FigureProbe(api, settings, probe, target.url(), context.stack().admin());
                figures.start();
                Figures phase = load(target.url(), target.name(), spenders, events, settings.seconds());
                Percentiles figureLag = figures.stop();
                measured.add(phase);
                writes.figures(phase, target.name());
                lags.percentiles(events.interval(), "acknowledged → event on budget-events, " + target.name());
                lags.percentiles(figureLag, "acknowledged → village-service's figure (probe), " + target.name());
            }
        }
        StringBuilder text = new StringBuilder();
        long programs = codes.stream().map(Stack::regency).distinct().count();
        text.append(String.format(java.util.Locale.ROOT, "%s allocations (a program per regency, %s program%s, set up"
                        + " in %.0f s), %d heads spending Rp 1 each time, %d clients, %d s per target after %d s of"
                        + " warm-up through the gateway.%n%n", Table.whole(codes.size()), Table.whole(programs),
                programs == 1 ? "" : "s", setupSeconds, settings.heads(),
                settings.concurrency(), settings.seconds(), settings.warmupSeconds()));
        text.append(writes.markdown()).append('\n');
        double gatewayShare = measured.get(1).perSecond() / Math.max(1e-9, measured.get(0).perSecond());
        text.append("Through the gateway: ").append(Table.percent(gatewayShare)).append(" of direct.\n\n");
        text.append(lags.markdown());
        if (settings.storeRate()) {
            double store = StoreRate.measure(settings, settings.allocations(), settings.heads()).perSecond();
            text.append(String.format(java.util.Locale.ROOT, "%nThe store's own rate for the five commands one write"
                            + " needs (read the allocation's entry, read the account, compare-and-set it, insert the"
                            + " entry, take it out of the outbox), %d clients through the driver, no HTTP, no Kafka:"
                            + " **%s/s**; the write path through the gateway is %s of it, directly %s.%n",
                    settings.concurrency(), Table.rate(store), Table.percent(measured.get(1).perSecond() / store),
                    Table.percent(measured.get(0).perSecond() / store)));
        }
        return text.toString();
    }

    private Map<String, String> allocate(List<String> codes) {
        Map<String, List<String>> byRegency = codes.stream().collect(Collectors.groupingBy(Stack::regency,
                LinkedHashMap::new, Collectors.toList()));
        Map<String, String> programOf = new ConcurrentHashMap<>();
        Context.parallel(List.copyOf(byRegency.keySet()), regency -> programOf.put(regency,
                context.program("Puncak akhir tahun " + regency, ALLOCATION * byRegency.get(regency).size())));
        Map<String, String> allocationOf = new ConcurrentHashMap<>();
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        Context.parallel(codes, code -> {
            allocationOf.put(code, api.created(context.officer(), settings.budget() + "/api/budget/programs/"
                    + programOf.get(Stack.regency(code)) + "/allocations",
                    Map.of("villageCode", code, "amount", ALLOCATION)).path("id").asString());
            if (done.incrementAndGet() % 10_000 == 0) {
                System.out.printf("setup: %,d allocations after %.0f s%n", done.get(), (System.nanoTime() - start) / 1e9);
            }
        });
        return allocationOf;
    }

    private Figures load(String base, String name, List<Spender> spenders, EventLag events, int seconds) {
        return Phase.timed(name, settings.concurrency(), Duration.ofSeconds(seconds), () -> {
            Spender spender = spenders.get(ThreadLocalRandom.current().nextInt(spenders.size()));
            Api.Answer answer = spend(api, base, spender, settings.fiscalYear());
            if (answer.status() != 201) {
                return false;
            }
            events.acknowledged(answer.id());
            return true;
        });
    }

    static Api.Answer spend(Api api, String base, Spender spender, int fiscalYear) {
        return api.post(spender.token(), base + "/api/budget/allocations/" + spender.allocationId() + "/spending",
                Map.of("amount", 1, "spentOn", LocalDate.of(fiscalYear, 11, 2).toString(), "category", "CONNECTIVITY",
                        "description", "Langganan internet desa", "vendor", "PT Telkom", "receiptNo", "LT-"
                                + ThreadLocalRandom.current().nextInt(1_000_000)));
    }

    /** A village head with their village's allocation. */
    record Spender(String allocationId, String villageCode, String token) {
    }
}
