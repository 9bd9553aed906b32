package id.desadigital.load;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import id.desadigital.load.report.Machine;
import id.desadigital.load.report.ReportFile;
import id.desadigital.load.scenario.Context;
import id.desadigital.load.scenario.Scenario;
import id.desadigital.load.scenario.Scenarios;
import id.desadigital.load.stack.Api;
import id.desadigital.load.stack.Stack;

/**
 * The load tool: runs the chosen scenarios against a running stack and prints their figures, then writes them into
 * the report page's marked section (docs/performance.md by default). Run it as docs/performance.md says:
 * {@code java -jar load-tool/target/load-tool.jar adminPassword=... allocations=83761}.
 */
public final class LoadTool {

    private LoadTool() {
    }

    public static void main(String[] args) throws Exception {
        LoadSettings settings;
        try {
            settings = LoadSettings.from(args);
        } catch (IllegalArgumentException e) {
            System.err.println("load-tool: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println(measure(settings, LoadSettings.commandLine(args)));
        System.exit(0);
    }

    /** Runs every scenario of the settings and writes the figures into the report page, if any; them as Markdown. */
    public static String measure(LoadSettings settings, String commandLine) throws Exception {
        String report = run(settings, commandLine);
        if (settings.report() != null) {
            ReportFile.write(settings.report(), report);
        }
        return report;
    }

    private static String run(LoadSettings settings, String commandLine) throws Exception {
        Instant started = Instant.now();
        Api api = new Api(Duration.ofSeconds(60));
        Stack stack = new Stack(api, settings.gateway(), settings.adminPassword(),
                Long.toString(System.currentTimeMillis(), 36));
        Context context = new Context(settings, api, stack);
        List<String> sections = new ArrayList<>();
        for (Scenario scenario : Scenarios.of(settings.scenarios(), context)) {
            System.out.println("load-tool: " + scenario.title() + " ...");
            sections.add("### " + scenario.title() + "\n\n" + scenario.run().strip() + "\n");
        }
        StringBuilder text = new StringBuilder();
        text.append("## Load tool figures, ").append(started.truncatedTo(ChronoUnit.SECONDS)).append("\n\n");
        text.append("Machine: ").append(Machine.here().describe())
                .append("; the whole stack and the tool on it. Command: `java -jar load-tool/target/load-tool.jar ")
                .append(commandLine).append("` (plus `adminPassword=...`), ")
                .append(Duration.between(started, Instant.now()).toSeconds()).append(" s in all.\n\n");
        if (api.rateLimited() > 0) {
            text.append("**").append(api.rateLimited()).append(" answers were 429 (rate limited): these figures measure"
                    + " the gateway's limit. Start the stack with RATE_LIMIT_RPS=0 for a load test.**\n\n");
        }
        sections.forEach(section -> text.append(section).append('\n'));
        return text.toString().strip() + "\n";
    }
}
