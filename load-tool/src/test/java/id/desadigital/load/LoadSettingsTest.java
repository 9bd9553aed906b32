package id.desadigital.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class LoadSettingsTest {

    @Test
    void argumentsOverrideTheLocalStacksDefaults() {
        LoadSettings settings = LoadSettings.from(new String[] {"adminPassword=secret-1", "allocations=83_761",
                "--scenarios=spending, audit", "gateway=http://gw:9000", "report=none"});

        assertThat(settings.allocations()).isEqualTo(83_761);
        assertThat(settings.scenarios()).containsExactly("spending", "audit");
        assertThat(settings.gateway()).isEqualTo("http://gw:9000");
        assertThat(settings.budget()).isEqualTo("http://localhost:8082");
        assertThat(settings.report()).isNull();
        assertThat(LoadSettings.from(new String[] {"adminPassword=x"}).report()).isEqualTo(Path.of("docs/performance.md"));
    }

    @Test
    void mistakesAreNamedBeforeAnythingRuns() {
        assertThatThrownBy(() -> LoadSettings.from(new String[] {"adminPassword=x", "alocations=5"}))
                .hasMessageContaining("unknown setting alocations");
        assertThatThrownBy(() -> LoadSettings.from(new String[] {"adminPassword=x", "scenarios=peak"}))
                .hasMessageContaining("unknown scenario peak");
        assertThatThrownBy(() -> LoadSettings.from(new String[] {"adminPassword=x", "seconds=ten"}))
                .hasMessageContaining("seconds must be a whole number");
        assertThatThrownBy(() -> LoadSettings.from(new String[] {"adminPassword=x", "allocations=10", "heads=20"}))
                .hasMessageContaining("heads <= allocations");
        assertThatThrownBy(() -> new LoadSettings("g", "b", "v", "k", "m", " ", List.of(), 1, 1, 1, 1, 1, 1, 0, 2026,
                false, null)).hasMessageContaining("adminPassword");
    }

    @Test
    void theReproducingCommandLeavesThePasswordOut() {
        assertThat(LoadSettings.commandLine(new String[] {"allocations=100", "--adminPassword=secret-1", "seconds=5"}))
                .isEqualTo("allocations=100 seconds=5");
    }
}
