package id.desadigital.system.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import id.desadigital.load.LoadSettings;
import id.desadigital.load.LoadTool;
import id.desadigital.system.support.Fixture;
import id.desadigital.system.support.RunningStack;
import id.desadigital.system.support.StackExtension;

/**
 * The load tool (load-tool/) against the running stack, every scenario for a couple of seconds: each phase is
 * answered without an error, every acknowledged write's event is found on budget-events, the probe sees
 * village-service's figure follow, the bulk allocation's totals are exact, and the figures land in the report page
 * between its markers. So the tool the performance figures come from cannot rot between measurements.
 */
@ExtendWith(StackExtension.class)
class LoadToolIT {

    @Test
    void everyScenarioMeasuresTheStackAndWritesItsFiguresIntoTheReportPage(RunningStack stack, Fixture fixture,
            @TempDir Path work) throws Exception {
        Path page = Files.writeString(work.resolve("performance.md"), "# Performance\n\nProse that stays.\n");
        String[] args = {"gateway=" + stack.gateway(), "budget=" + stack.budgetService(),
                "village=" + stack.villageService(), "kafka=" + stack.kafkaBootstrap(), "mongo=" + stack.mongoUri(),
                "adminPassword=" + RunningStack.ADMIN_PASSWORD, "allocations=2", "heads=1", "bulkVillages=3",
                "concurrency=2", "auditClients=1", "seconds=1", "warmupSeconds=0", "report=" + page};
        LoadSettings settings = LoadSettings.from(args);

        String report = LoadTool.measure(settings, LoadSettings.commandLine(args));
        System.out.println(report);

        assertThat(report).contains("### Year-end spending peak", "### Bulk allocation", "### Auditor queries")
                .doesNotContain(RunningStack.ADMIN_PASSWORD).doesNotContain("were 429");
        for (String target : List.of("direct", "gateway")) {
            assertMeasuredWithoutErrors(row(report, "| " + target + " |", 0), 7);
            assertMeasuredWithoutErrors(row(report, "| " + target + " |", 1), 7);
            assertThat(samples(row(report, "| acknowledged → event on budget-events, " + target + " |", 0)))
                    .as("spending events found on budget-events").isPositive();
            assertThat(samples(row(report, "| acknowledged → village-service's figure (probe), " + target + " |", 0)))
                    .isPositive();
            assertThat(samples(row(report, "| acknowledged → event on budget-events, " + target + " |", 1)))
                    .as("allocation events found on budget-events").isEqualTo(3);
            assertThat(report).contains(target + ": 3 villages acknowledged, the program's allocated total Rp 18,000,000"
                    + " (exact).");
        }
        assertThat(report.lines().filter(line -> line.matches("\\| [a-z].* \\| (direct|gateway) \\|.*")))
                .hasSize(10).allSatisfy(line -> assertMeasuredWithoutErrors(cells(line), 8));
        assertThat(report).containsPattern("The store's own rate .* \\*\\*[0-9.,]+/s\\*\\*");
        assertThat(Files.readString(page)).startsWith("# Performance\n\nProse that stays.\n")
                .contains("<!-- load-tool: begin").contains(report.strip());
    }

    private static void assertMeasuredWithoutErrors(List<String> cells, int columns) {
        assertThat(cells).as("a measured row: %s", cells).hasSize(columns);
        assertThat(Double.parseDouble(cells.get(columns - 6).replace(",", ""))).as("rate in %s", cells).isPositive();
        assertThat(cells.get(columns - 1)).as("errors in %s", cells).isEqualTo("0");
    }

    private static long samples(List<String> cells) {
        return Long.parseLong(cells.get(cells.size() - 1).replace(",", ""));
    }

    /** The cells of the {@code nth} line (from 0) that starts with {@code start}. */
    private static List<String> row(String report, String start, int nth) {
        List<String> lines = report.lines().filter(line -> line.startsWith(start)).toList();
        assertThat(lines).as("lines starting with %s", start).hasSizeGreaterThan(nth);
        return cells(lines.get(nth));
    }

    private static List<String> cells(String line) {
        return Arrays.stream(line.substring(1, line.length() - 1).split("\\|")).map(String::trim).toList();
    }
}
