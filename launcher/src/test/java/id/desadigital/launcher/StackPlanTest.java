package id.desadigital.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackPlanTest {

    @TempDir
    Path home;

    @Test
    void startsAllFiveInOrderWithTheDocumentedPortsAndReadiness() throws IOException {
        buildJars();
        StackPlan plan = plan(Map.of("DATA_DIR", home.resolve("data").toString()));

        List<ProcessSpec> all = plan.all();

        assertThat(all).extracting(ProcessSpec::name)
            .containsExactly("store", "broker", "village-service", "budget-service", "gateway");
        assertThat(all).extracting(ProcessSpec::ports)
            .containsExactly(List.of(27017), List.of(9092, 9093), List.of(8081), List.of(8082), List.of(8080));
        assertThat(all.get(0).readiness().description()).isEqualTo("TCP port 27017");
        assertThat(all.get(4).readiness().description())
            .isEqualTo("GET http://localhost:8080/actuator/health == 200");
        assertThat(all.get(2).dependsOn()).containsOnly("store", "broker");
        // The gateway publishes account-events, so it waits for the broker too, but not for the services.
        assertThat(all.get(4).dependsOn()).containsOnly("store", "broker");
        assertThat(all.get(2).command()).contains("-Xmx512m", "-jar",
            home.resolve("village-service/target/village-service.jar").toString());
        assertThat(all.get(1).command()).endsWith("id.desadigital.launcher.kafka.KafkaBrokerMain");
        // The store's heap holds its page cache (256 MB by default) and half as much again on top of the others' 512 MB.
        assertThat(all.get(0).command()).contains("-Xmx896m");
        assertThat(all).allSatisfy(spec -> assertThat(spec.environment())
            .containsEntry("DATA_DIR", home.resolve("data").toString())
            .containsEntry("MONGO_PORT", "27017")
            .containsEntry("KAFKA_PORT", "9092")
            .containsEntry("GATEWAY_PORT", "8080")
            .containsEntry("LEDGER_SECONDARY_INDEXES", "false")
            .doesNotContainKeys("MONGODB_URI", "KAFKA_BOOTSTRAP_SERVERS"));
        assertThat(plan.gatewayUrl()).isEqualTo("http://localhost:8080");
        assertThat(all.get(4).environment())
            .containsEntry("VILLAGE_SERVICE_URLS", "http://localhost:8081")
            .containsEntry("BUDGET_SERVICE_URLS", "http://localhost:8082");
    }

    @Test
    void withTwoInstancesStartsEachServiceTwiceOnItsNextPortAndGivesTheGatewayBoth() throws IOException {
        buildJars();
        StackPlan plan = plan(Map.of("SERVICE_INSTANCES", "2"));

        List<ProcessSpec> all = plan.all();

        assertThat(all).extracting(ProcessSpec::name).containsExactly("store", "broker",
            "village-service", "village-service-2", "budget-service", "budget-service-2", "gateway");
        assertThat(all.subList(2, 7)).extracting(ProcessSpec::ports)
            .containsExactly(List.of(8081), List.of(8091), List.of(8082), List.of(8092), List.of(8080));
        // Each instance is told its own port, and READY waits for each.
        assertThat(all.get(3).environment()).containsEntry("VILLAGE_PORT", "8091");
        assertThat(all.get(3).command()).contains(home.resolve("village-service/target/village-service.jar").toString());
        assertThat(all.get(3).readiness().description()).isEqualTo("GET http://localhost:8091/actuator/health == 200");
        assertThat(all.get(5).environment()).containsEntry("BUDGET_PORT", "8092");
        assertThat(all.get(2).environment()).containsEntry("VILLAGE_PORT", "8081");
        assertThat(all.subList(2, 7)).allSatisfy(spec -> assertThat(spec.dependsOn()).containsOnly("store", "broker"));
        assertThat(all.get(6).environment())
            .containsEntry("VILLAGE_SERVICE_URLS", "http://localhost:8081,http://localhost:8091")
            .containsEntry("BUDGET_SERVICE_URLS", "http://localhost:8082,http://localhost:8092");
    }

    @Test
    void aLaterInstancesPortCanBeGivenAndMustNotBeAnothersPort() throws IOException {
        buildJars();

        assertThat(plan(Map.of("SERVICE_INSTANCES", "2", "VILLAGE_PORT", "9001", "VILLAGE_PORT_2", "9101")).services())
            .extracting(ProcessSpec::ports).startsWith(List.of(9001), List.of(9101));
        assertThatThrownBy(() -> plan(Map.of("SERVICE_INSTANCES", "2", "BUDGET_PORT_2", "8081")).services())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("budget-service-2 and village-service would both listen on port 8081");
    }

    @Test
    void refusesAnInstanceCountOutOfRange() {
        for (String count : List.of("0", "10", "two")) {
            assertThatThrownBy(() -> plan(Map.of("SERVICE_INSTANCES", count)).services())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SERVICE_INSTANCES must be");
        }
    }

    @Test
    void leavesOutTheStoreAndBrokerWhenExternalOnesAreGiven() throws IOException {
        buildJars();
        StackPlan plan = plan(Map.of("MONGODB_URI", "mongodb://db.example:27017",
            "KAFKA_BOOTSTRAP_SERVERS", "kafka.example:9092", "GATEWAY_PORT", "9000"));

        assertThat(plan.all()).extracting(ProcessSpec::name)
            .containsExactly("village-service", "budget-service", "gateway");
        assertThat(plan.all()).allSatisfy(spec -> assertThat(spec.dependsOn()).isEmpty());
        // The gateway too: it publishes account-events to the same broker the services read them from.
        assertThat(plan.all()).allSatisfy(spec -> assertThat(spec.environment())
            .containsEntry("MONGODB_URI", "mongodb://db.example:27017")
            .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka.example:9092")
            .doesNotContainKey("LEDGER_SECONDARY_INDEXES"));
        assertThat(plan.gatewayUrl()).isEqualTo("http://localhost:9000");
    }

    @Test
    void saysHowToBuildWhenAServiceJarIsMissing() {
        assertThatThrownBy(() -> plan(Map.of()).all())
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("village-service.jar is missing");
    }

    @Test
    void givesTheStoreTheCacheAskedForAndTheHeapToHoldIt() {
        StackPlan plan = plan(Map.of("STORE_CACHE_MB", "1024"));

        assertThat(plan.infrastructure().get(0).command()).contains("-Xmx2048m");
        assertThat(new StackEnvironment(Map.of("STORE_CACHE_MB", "1024")).storeCacheMb()).isEqualTo(1024);
        assertThatThrownBy(() -> plan(Map.of("STORE_CACHE_MB", "lots")).infrastructure())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("STORE_CACHE_MB must be a number of megabytes");
    }

    @Test
    void rejectsAPortThatIsNotOne() {
        assertThatThrownBy(() -> plan(Map.of("MONGO_PORT", "mongo")).infrastructure())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("MONGO_PORT must be a TCP port");
    }

    private StackPlan plan(Map<String, String> variables) {
        return new StackPlan(new StackEnvironment(new HashMap<>(variables)), home, "java", "launcher.jar");
    }

    private void buildJars() throws IOException {
        for (String module : List.of("village-service", "budget-service", "gateway")) {
            Path jar = home.resolve(module).resolve("target").resolve(module + ".jar");
            Files.createDirectories(jar.getParent());
            Files.createFile(jar);
        }
    }
}
