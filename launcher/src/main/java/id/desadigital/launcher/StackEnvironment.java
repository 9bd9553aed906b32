package id.desadigital.launcher;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The environment variables of API.md "Starting it", with their documented defaults. Every launcher process
 * (supervisor, store, broker) reads its settings through this one place so the defaults cannot drift apart.
 */
public record StackEnvironment(Map<String, String> variables) {

    public static final String DATA_DIR = "DATA_DIR";
    public static final String GATEWAY_PORT = "GATEWAY_PORT";
    public static final String VILLAGE_PORT = "VILLAGE_PORT";
    public static final String BUDGET_PORT = "BUDGET_PORT";
    public static final String KAFKA_PORT = "KAFKA_PORT";
    public static final String KAFKA_CONTROLLER_PORT = "KAFKA_CONTROLLER_PORT";
    public static final String MONGO_PORT = "MONGO_PORT";
    public static final String KAFKA_BOOTSTRAP_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";
    public static final String MONGODB_URI = "MONGODB_URI";
    /** Whether budget-service creates the ledger's secondary indexes; only a real MongoDB uses them. */
    public static final String LEDGER_SECONDARY_INDEXES = "LEDGER_SECONDARY_INDEXES";
    public static final String STORE_CACHE_MB = "STORE_CACHE_MB";
    /** How many instances of village-service and of budget-service the launcher starts. */
    public static final String SERVICE_INSTANCES = "SERVICE_INSTANCES";
    /** Where the gateway finds every instance of each service (comma-separated URLs). */
    public static final String VILLAGE_SERVICE_URLS = "VILLAGE_SERVICE_URLS";
    public static final String BUDGET_SERVICE_URLS = "BUDGET_SERVICE_URLS";

    /**
     * The n-th instance of a service listens on its first instance's port plus this times (n - 1), unless
     * {@code <PORT VARIABLE>_<n>} says otherwise: 8081, 8091, ... for village-service and 8082, 8092, ... for
     * budget-service, which never meet each other or the gateway's 8080.
     */
    public static final int INSTANCE_PORT_STEP = 10;
    /** Each instance is a JVM of half a gigabyte; more than this on one machine is a mistake, not a plan. */
    public static final int MAX_SERVICE_INSTANCES = 9;

    /**
     * Holds the whole national village registry (83,762 villages) with room to spare. Measured: with 64 MB every
     * query that reads many villages read them from the file again, 2 to 7 s at national scale; with 256 MB,
     * 10 to 100 ms once read.
     */
    private static final int DEFAULT_STORE_CACHE_MB = 256;

    public StackEnvironment {
        variables = Map.copyOf(variables);
    }

    public static StackEnvironment current() {
        return new StackEnvironment(System.getenv());
    }

    /** Absolute data directory; a relative DATA_DIR is taken relative to the working directory. */
    public Path dataDir() {
        return Path.of(text(DATA_DIR).orElse("./data")).toAbsolutePath().normalize();
    }

    public int gatewayPort() {
        return port(GATEWAY_PORT, 8080);
    }

    public int villagePort() {
        return port(VILLAGE_PORT, 8081);
    }

    public int budgetPort() {
        return port(BUDGET_PORT, 8082);
    }

    /** The port of the {@code instance}-th village-service (from 1). */
    public int villagePort(int instance) {
        return instancePort(VILLAGE_PORT, villagePort(), instance);
    }

    /** The port of the {@code instance}-th budget-service (from 1). */
    public int budgetPort(int instance) {
        return instancePort(BUDGET_PORT, budgetPort(), instance);
    }

    /** How many instances of each service to start; 1 unless SERVICE_INSTANCES says more. */
    public int serviceInstances() {
        String value = text(SERVICE_INSTANCES).orElse(null);
        if (value == null) {
            return 1;
        }
        try {
            int instances = Integer.parseInt(value);
            if (instances < 1 || instances > MAX_SERVICE_INSTANCES) {
                throw new IllegalArgumentException(SERVICE_INSTANCES + " must be between 1 and "
                    + MAX_SERVICE_INSTANCES + ", got " + value);
            }
            return instances;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(SERVICE_INSTANCES + " must be a number of instances, got '" + value
                + "'", e);
        }
    }

    public int kafkaPort() {
        return port(KAFKA_PORT, 9092);
    }

    public int kafkaControllerPort() {
        return port(KAFKA_CONTROLLER_PORT, 9093);
    }

    public int mongoPort() {
        return port(MONGO_PORT, 27017);
    }

    /** Page cache of the embedded store, in megabytes. */
    public int storeCacheMb() {
        String value = text(STORE_CACHE_MB).orElse(null);
        if (value == null) {
            return DEFAULT_STORE_CACHE_MB;
        }
        try {
            int megabytes = Integer.parseInt(value);
            if (megabytes < 16) {
                throw new IllegalArgumentException(STORE_CACHE_MB + " must be at least 16, got " + value);
            }
            return megabytes;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(STORE_CACHE_MB + " must be a number of megabytes, got '" + value + "'", e);
        }
    }

    /** An external MongoDB was given, so the embedded store is not started. */
    public boolean usesExternalMongo() {
        return text(MONGODB_URI).isPresent();
    }

    /** An external Kafka was given, so the embedded broker is not started. */
    public boolean usesExternalKafka() {
        return text(KAFKA_BOOTSTRAP_SERVERS).isPresent();
    }

    public Optional<String> text(String name) {
        return Optional.ofNullable(variables.get(name)).map(String::strip).filter(value -> !value.isEmpty());
    }

    private int instancePort(String firstPortVariable, int firstPort, int instance) {
        if (instance == 1) {
            return firstPort;
        }
        String variable = firstPortVariable + "_" + instance;
        int defaultPort = firstPort + INSTANCE_PORT_STEP * (instance - 1);
        if (defaultPort > 65_535 && text(variable).isEmpty()) {
            throw new IllegalArgumentException(variable + " must be set: " + firstPortVariable + " + "
                + INSTANCE_PORT_STEP * (instance - 1) + " is no TCP port");
        }
        return port(variable, defaultPort);
    }

    private int port(String name, int defaultPort) {
        String value = text(name).orElse(null);
        if (value == null) {
            return defaultPort;
        }
        try {
            int port = Integer.parseInt(value);
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException(name + " must be a TCP port (1-65535), got " + value);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a TCP port (1-65535), got '" + value + "'", e);
        }
    }
}
