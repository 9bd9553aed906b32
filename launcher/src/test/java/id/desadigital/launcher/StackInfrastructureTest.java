package id.desadigital.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import id.desadigital.launcher.testing.ChildJvm;
import id.desadigital.launcher.testing.RecordingConsole;

/**
 * The supervisor running the real store and broker of the stack plan (the services' jars are the other
 * modules' business and are not needed here): both come up, serve, and stop in order with clean shutdowns.
 */
class StackInfrastructureTest {

    @TempDir
    Path dataDir;

    @Test
    void startsStoreAndBrokerAndStopsBrokerBeforeStore() throws Exception {
        int mongoPort = ChildJvm.freePort();
        int kafkaPort = ChildJvm.freePort();
        StackEnvironment environment = new StackEnvironment(Map.of(
            "DATA_DIR", dataDir.toString(),
            "MONGO_PORT", String.valueOf(mongoPort),
            "KAFKA_PORT", String.valueOf(kafkaPort),
            "KAFKA_CONTROLLER_PORT", String.valueOf(ChildJvm.freePort())));
        StackPlan plan = new StackPlan(environment, dataDir, ChildJvm.javaCommand(), ChildJvm.classpath());
        RecordingConsole console = new RecordingConsole();
        Supervisor supervisor = new Supervisor(plan.infrastructure(), environment.dataDir().resolve("logs"),
            new SupervisorSettings(Duration.ofSeconds(60), Duration.ofMillis(100), Duration.ofSeconds(40),
                SupervisorSettings.BACKOFF),
            console.stream());
        long storePid;
        long brokerPid;
        try {
            supervisor.start();
            storePid = supervisor.pidOf(StackPlan.STORE).orElseThrow();
            brokerPid = supervisor.pidOf(StackPlan.BROKER).orElseThrow();

            try (MongoClient mongo = MongoClients.create("mongodb://localhost:" + mongoPort)) {
                mongo.getDatabase("budget").getCollection("ledger").insertOne(new Document("seq", 1));
                assertThat(mongo.getDatabase("budget").getCollection("ledger").countDocuments()).isEqualTo(1);
            }
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + kafkaPort))) {
                assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(1);
            }
        } finally {
            supervisor.stop();
        }

        assertThat(ProcessHandle.of(storePid)).isEmpty();
        assertThat(ProcessHandle.of(brokerPid)).isEmpty();
        assertThat(console.lines()).containsSubsequence("launcher: broker stopped", "launcher: store stopped");
        String brokerLog = Files.readString(dataDir.resolve("logs/broker.log"));
        String storeLog = Files.readString(dataDir.resolve("logs/store.log"));
        assertThat(brokerLog).contains("Kafka broker stopped", "[launcher] stopped (exit code 143)");
        assertThat(storeLog).contains("Store stopped, data file closed", "[launcher] stopped (exit code 143)");
        assertThat(dataDir.resolve("mongo/store.mv.db")).exists();
        assertThat(dataDir.resolve("kafka/kraft-combined-logs/.kafka_cleanshutdown")).exists();
        assertThat(List.of(console.lines().toArray(String[]::new)))
            .noneMatch(line -> line.contains("restart #"));
    }
}
