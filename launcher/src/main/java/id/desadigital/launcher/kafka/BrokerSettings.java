package id.desadigital.launcher.kafka;

import java.nio.file.Path;
import java.util.Properties;

import id.desadigital.launcher.StackEnvironment;

/**
 * The broker's configuration: one node in KRaft combined mode (broker and controller in one process),
 * listening on localhost only, sized for a small machine where this single broker is the whole cluster.
 */
record BrokerSettings(int port, int controllerPort, Path kafkaDirectory) {

    /** Node id of the only node; it is also the only controller voter. */
    static final int NODE_ID = 1;

    /**
     * Three partitions per auto-created topic: enough for two or three consumers of one group to share the
     * work, cheap on one disk.
     */
    private static final int DEFAULT_PARTITIONS = 3;

    /**
     * Kafka's default of 50 partitions for each internal topic is sized for large clusters; ten is plenty for
     * a handful of consumer groups and keeps the first start and the files few.
     */
    private static final int INTERNAL_TOPIC_PARTITIONS = 10;

    static BrokerSettings from(StackEnvironment environment) {
        return new BrokerSettings(environment.kafkaPort(), environment.kafkaControllerPort(),
            environment.dataDir().resolve("kafka"));
    }

    /** Where the partitions and the KRaft metadata log live (Kafka calls them log dirs). */
    Path logDirectory() {
        return kafkaDirectory.resolve("kraft-combined-logs");
    }

    /** The configuration file written for StorageTool (and for whoever wants to see what the broker runs). */
    Path configFile() {
        return kafkaDirectory.resolve("server.properties");
    }

    String bootstrapServers() {
        return "localhost:" + port;
    }

    Properties toProperties() {
        Properties properties = new Properties();
        properties.setProperty("process.roles", "broker,controller");
        properties.setProperty("node.id", String.valueOf(NODE_ID));
        properties.setProperty("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
        properties.setProperty("listeners",
            "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        properties.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + port);
        properties.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.setProperty("controller.listener.names", "CONTROLLER");
        properties.setProperty("inter.broker.listener.name", "PLAINTEXT");
        properties.setProperty("log.dirs", logDirectory().toString());

        // One broker: every topic, including Kafka's internal ones, has exactly one replica.
        properties.setProperty("auto.create.topics.enable", "true");
        properties.setProperty("num.partitions", String.valueOf(DEFAULT_PARTITIONS));
        properties.setProperty("default.replication.factor", "1");
        properties.setProperty("min.insync.replicas", "1");
        properties.setProperty("offsets.topic.replication.factor", "1");
        properties.setProperty("offsets.topic.num.partitions", String.valueOf(INTERNAL_TOPIC_PARTITIONS));
        properties.setProperty("transaction.state.log.replication.factor", "1");
        properties.setProperty("transaction.state.log.min.isr", "1");
        properties.setProperty("transaction.state.log.num.partitions", String.valueOf(INTERNAL_TOPIC_PARTITIONS));
        properties.setProperty("share.coordinator.state.topic.replication.factor", "1");
        properties.setProperty("share.coordinator.state.topic.min.isr", "1");

        // No other member can join late on one machine, so waiting for one is only a delay on every start.
        properties.setProperty("group.initial.rebalance.delay.ms", "0");

        // Two cores: Kafka's defaults (3 network, 8 I/O threads) only add context switches here.
        properties.setProperty("num.network.threads", "2");
        properties.setProperty("num.io.threads", "4");
        return properties;
    }
}
