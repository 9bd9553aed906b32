package id.desadigital.load;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one run of the load tool does, from {@code name=value} arguments (a {@code -Dload.name=value} system property
 * gives the same). Every default is the local stack of {@code ./run.sh} on this machine.
 *
 * @param gateway the gateway's base URL; the "gateway" target of every scenario
 * @param budget budget-service's base URL; the "direct" target of the ledger scenarios
 * @param village village-service's base URL, read for the lag to a village's figure
 * @param kafka the broker, read for the lag from an acknowledged write to its event
 * @param mongo the store, for its own rate without the services
 * @param adminPassword the stack's ADMIN_PASSWORD: the tool creates its own officer, heads and auditor
 * @param scenarios which scenarios, in order: {@code spending}, {@code allocation}, {@code audit}
 * @param allocations villages given an allocation for the spending peak (84,000 is the nation)
 * @param heads village heads spending at once during the peak
 * @param bulkVillages villages one bulk allocation reaches
 * @param concurrency clients writing at once
 * @param auditClients auditors reading at once
 * @param seconds how long each measured phase runs
 * @param warmupSeconds unmeasured load through the gateway first, while the JIT compiles the paths
 * @param fiscalYear the year the tool's programs are for
 * @param storeRate whether to measure the store's own rate for the commands one spending write needs
 * @param report a Markdown file whose marked section gets this run's figures ({@code none} for none)
 */
public record LoadSettings(String gateway, String budget, String village, String kafka, String mongo,
        String adminPassword, List<String> scenarios, int allocations, int heads, int bulkVillages, int concurrency,
        int auditClients, int seconds, int warmupSeconds, int fiscalYear, boolean storeRate, Path report) {

    public static final List<String> SCENARIOS = List.of("spending", "allocation", "audit");

    public LoadSettings {
        if (adminPassword == null || adminPassword.isBlank()) {
            throw new IllegalArgumentException("adminPassword=... (the stack's ADMIN_PASSWORD) is required");
        }
        scenarios = List.copyOf(scenarios);
        for (String scenario : scenarios) {
            if (!SCENARIOS.contains(scenario)) {
                throw new IllegalArgumentException("unknown scenario " + scenario + "; known: " + SCENARIOS);
            }
        }
        if (heads < 1 || allocations < heads) {
            throw new IllegalArgumentException("need 1 <= heads <= allocations, got heads=" + heads
                    + " allocations=" + allocations);
        }
        if (concurrency < 1 || auditClients < 1 || seconds < 1 || warmupSeconds < 0 || bulkVillages < 1) {
            throw new IllegalArgumentException("concurrency, auditClients, seconds and bulkVillages must be positive");
        }
    }

    /** Arguments first, then {@code load.*} system properties, then the defaults. */
    public static LoadSettings from(String[] args) {
        Map<String, String> given = new LinkedHashMap<>();
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("load."))
                .forEach(name -> given.put(name.substring("load.".length()), System.getProperty(name)));
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("arguments are name=value, got " + arg);
            }
            given.put(arg.substring(0, equals).replaceFirst("^--", ""), arg.substring(equals + 1));
        }
        Values values = new Values(given);
        LoadSettings settings = new LoadSettings(
                values.text("gateway", "http://localhost:8080"),
                values.text("budget", "http://localhost:8082"),
                values.text("village", "http://localhost:8081"),
                values.text("kafka", "localhost:9092"),
                values.text("mongo", "mongodb://localhost:27017"),
                values.text("adminPassword", System.getenv("ADMIN_PASSWORD")),
                Arrays.stream(values.text("scenarios", String.join(",", SCENARIOS)).split(","))
                        .map(String::trim).filter(name -> !name.isEmpty()).toList(),
                values.number("allocations", 150),
                values.number("heads", 100),
                values.number("bulkVillages", 1000),
                values.number("concurrency", 16),
                values.number("auditClients", 4),
                values.number("seconds", 30),
                values.number("warmupSeconds", 60),
                values.number("fiscalYear", 2026),
                Boolean.parseBoolean(values.text("storeRate", "true")),
                values.text("report", "docs/performance.md").equals("none") ? null
                        : Path.of(values.text("report", "docs/performance.md")));
        values.rejectUnused();
        return settings;
    }

    /** The arguments as given, for the report's "how to reproduce" line; the password never. */
    public static String commandLine(String[] args) {
        return String.join(" ", Arrays.stream(args).filter(arg -> !arg.replaceFirst("^--", "").startsWith("adminPassword="))
                .toList());
    }

    private static final class Values {
        private final Map<String, String> given;
        private final java.util.Set<String> used = new java.util.HashSet<>();

        Values(Map<String, String> given) {
            this.given = given;
        }

        String text(String name, String fallback) {
            used.add(name);
            return given.getOrDefault(name, fallback);
        }

        int number(String name, int fallback) {
            String value = text(name, null);
            try {
                return value == null ? fallback : Integer.parseInt(value.replace("_", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a whole number, got " + value);
            }
        }

        void rejectUnused() {
            given.keySet().stream().filter(name -> !used.contains(name)).findFirst().ifPresent(name -> {
                throw new IllegalArgumentException("unknown setting " + name);
            });
        }
    }
}
