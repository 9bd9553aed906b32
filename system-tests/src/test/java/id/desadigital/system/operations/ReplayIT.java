package id.desadigital.system.operations;

import static id.desadigital.system.support.Fixture.FISCAL_YEAR;
import static id.desadigital.system.support.Fixture.VILLAGE_C;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import id.desadigital.system.support.Api;
import id.desadigital.system.support.Fixture;
import id.desadigital.system.support.RunningStack;
import id.desadigital.system.support.StackExtension;
import id.desadigital.system.support.Who;
import tools.jackson.databind.JsonNode;

/**
 * The operator's command (docs/operations.md) on the stack as {@code ./run.sh} starts it: {@code ./replay.sh}
 * rebuilds village-service's budget figures and budget-service's view of villages from their topics, through the
 * gateway, and what users read from them is the same afterwards; budget writes that need the rebuilt view still
 * pass. Only an administrator may ask, at the gateway and at each service.
 */
@ExtendWith(StackExtension.class)
class ReplayIT {

    private static final Duration PATIENCE = Duration.ofMinutes(5);

    @Test
    void replayShRebuildsBothReadModelsAndEveryFigureAUserReadsStaysTheSame(Fixture fixture, RunningStack stack) {
        String gateway = fixture.gateway();
        String auditor = fixture.token(Who.AUDITOR);
        String villages = gateway + "/api/villages?regencyCode=33.03&size=100";
        String realization = gateway + "/api/budget/reports/realization?fiscalYear=" + FISCAL_YEAR + "&groupBy=village";
        JsonNode figuresBefore = Api.ok("GET", villages, auditor, null);
        JsonNode realizationBefore = Api.ok("GET", realization, auditor, null);
        assertThat(figuresBefore.path("items").findValues("budget").stream().filter(budget -> !budget.isEmpty()))
                .as("the fixture's allocations show in the village list").isNotEmpty();

        long figuresGeneration = generation(fixture, "/api/villages/read-models/budget-figures") + 1;
        long viewGeneration = generation(fixture, "/api/budget/read-models/known-villages") + 1;

        Run figures = replay("budget-figures", stack);
        Run view = replay("known-villages", stack);

        assertThat(figures.exitCode()).as(figures.output()).isZero();
        assertThat(figures.output()).contains(
                "budget-figures generation " + figuresGeneration + " is reading budget-events from its start",
                "budget-figures is read from generation " + figuresGeneration
                        + " (village_budgets_" + figuresGeneration + ")");
        assertThat(view.exitCode()).as(view.output()).isZero();
        assertThat(view.output()).contains("known-villages is read from generation " + viewGeneration
                + " (known_villages_" + viewGeneration + ")");
        assertThat(Api.ok("GET", villages, auditor, null)).isEqualTo(figuresBefore);
        assertThat(Api.ok("GET", realization, auditor, null)).isEqualTo(realizationBefore);
        String officer = fixture.token(Who.FINANCE_OFFICER);
        String program = Fixture.program(gateway, officer, 1_000_000L);
        assertThat(Fixture.allocate(gateway, officer, program, VILLAGE_C, 1_000L)).isNotBlank();
    }

    @Test
    void onlyAnAdministratorMaySeeOrRebuildAReadModelAtTheGatewayOrAtTheService(Fixture fixture, RunningStack stack) {
        for (Who who : List.of(Who.AUDITOR, Who.FINANCE_OFFICER, Who.HEAD_OWN)) {
            String token = fixture.token(who);
            for (String base : List.of(fixture.gateway(), stack.villageService())) {
                assertThat(Api.send("POST", base + "/api/villages/read-models/budget-figures/rebuild", token, null)
                        .status()).as(who + " at " + base).isEqualTo(403);
                assertThat(Api.get(base + "/api/villages/read-models/budget-figures", token).status())
                        .as(who + " at " + base).isEqualTo(403);
            }
            for (String base : List.of(fixture.gateway(), stack.budgetService())) {
                assertThat(Api.send("POST", base + "/api/budget/read-models/known-villages/rebuild", token, null)
                        .status()).as(who + " at " + base).isEqualTo(403);
            }
        }
        assertThat(Api.get(fixture.gateway() + "/api/budget/read-models/known-villages", null).status())
                .isEqualTo(401);
    }

    private static long generation(Fixture fixture, String path) {
        return Api.ok("GET", fixture.gateway() + path, fixture.token(Who.ADMIN), null).path("active")
                .path("generation").asLong();
    }

    private record Run(int exitCode, String output) {
    }

    /** {@code ./replay.sh <model>} as an operator runs it, against this stack's gateway. */
    private static Run replay(String model, RunningStack stack) {
        Path home = Path.of(System.getProperty("desadigital.home", "..")).toAbsolutePath().normalize();
        try {
            Path output = Files.createTempFile(stack.dataDir().getParent(), "replay-" + model + "-", ".out");
            ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("replay.sh").toString(), model)
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().put("GATEWAY", stack.gateway());
            builder.environment().put("ADMIN_PASSWORD", RunningStack.ADMIN_PASSWORD);
            builder.environment().put("REPLAY_POLL_SECONDS", "1");
            Process process = builder.start();
            if (!process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("./replay.sh " + model + " did not end within " + PATIENCE + ":\n"
                        + Files.readString(output, StandardCharsets.UTF_8));
            }
            return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
