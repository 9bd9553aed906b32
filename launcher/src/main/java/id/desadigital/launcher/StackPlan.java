package id.desadigital.launcher;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import id.desadigital.launcher.kafka.KafkaBrokerMain;
import id.desadigital.launcher.store.MongoStoreMain;

/**
 * The five processes of the local stack, in start order: the store and the broker (from the launcher's own
 * classpath; skipped when MONGODB_URI or KAFKA_BOOTSTRAP_SERVERS points elsewhere), then village-service,
 * budget-service and the gateway (Spring Boot jars under {@code <module>/target/}); with SERVICE_INSTANCES=n, n of
 * each service. Stopping runs the list backwards: gateway, budget-service, village-service, broker, store.
 */
public final class StackPlan {

    public static final String STORE = "store";
    public static final String BROKER = "broker";
    public static final String VILLAGE_SERVICE = "village-service";
    public static final String BUDGET_SERVICE = "budget-service";
    public static final String GATEWAY = "gateway";

    /**
     * Heap per child: measured, a Spring service settles around 320 MB resident and Kafka around 350 MB;
     * 512 MB of heap leaves headroom for an import of the whole village list. The store gets its page cache
     * (STORE_CACHE_MB) on top, and half as much again: the cache's size is H2's estimate, and a heap of exactly
     * 512 MB more was measured full with a 2 GB cache, the store then spending seconds at a time in full
     * collections. Running out of memory ends the process, so the supervisor restarts it instead of it limping
     * on.
     */
    private static final int HEAP_MB = 512;

    private final StackEnvironment environment;
    private final Path home;
    private final String javaCommand;
    private final String launcherClasspath;

    /**
     * @param home              the repository root (service jars are under it)
     * @param javaCommand       the java launcher for the children
     * @param launcherClasspath the classpath holding the store and broker main classes
     */
    public StackPlan(StackEnvironment environment, Path home, String javaCommand, String launcherClasspath) {
        this.environment = environment;
        this.home = home;
        this.javaCommand = javaCommand;
        this.launcherClasspath = launcherClasspath;
    }

    /** The plan for children started with the same java and classpath as the running JVM. */
    public static StackPlan forThisJvm(StackEnvironment environment, Path home) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Absolute entries: children may run in another directory than the one the classpath was given in.
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .map(entry -> Path.of(entry).toAbsolutePath().toString())
            .collect(Collectors.joining(File.pathSeparator));
        return new StackPlan(environment, home, java, classpath);
    }

    public List<ProcessSpec> all() {
        List<ProcessSpec> all = new ArrayList<>(infrastructure());
        all.addAll(services());
        return all;
    }

    /** The store and the broker, as far as they are not external. */
    public List<ProcessSpec> infrastructure() {
        List<ProcessSpec> infrastructure = new ArrayList<>();
        if (!environment.usesExternalMongo()) {
            infrastructure.add(launcherMain(STORE, MongoStoreMain.class, List.of(environment.mongoPort()),
                new TcpPortProbe(environment.mongoPort())));
        }
        if (!environment.usesExternalKafka()) {
            infrastructure.add(launcherMain(BROKER, KafkaBrokerMain.class,
                List.of(environment.kafkaPort(), environment.kafkaControllerPort()),
                new TcpPortProbe(environment.kafkaPort())));
        }
        return infrastructure;
    }

    /**
     * Each needs the store and the broker: the services for their data and events, the gateway for its users and
     * for account-events, where it publishes the account changes that end tokens. The gateway does not wait for the
     * services and starts beside them, which on two cores brings READY several seconds earlier; its health, and so
     * its readiness, is UP only once both services are.
     *
     * <p>With SERVICE_INSTANCES above 1, each service runs that many times, the later ones named
     * {@code village-service-2} and so on and listening on their own ports ({@link StackEnvironment#villagePort(int)});
     * all instances of a service share its store and its Kafka consumer group, and the gateway is given every one.
     * READY then waits for every instance, since each has its own readiness probe.
     */
    public List<ProcessSpec> services() {
        Set<String> infrastructure = infrastructure().stream().map(ProcessSpec::name).collect(Collectors.toSet());
        int instances = environment.serviceInstances();
        List<ProcessSpec> services = new ArrayList<>();
        for (int instance = 1; instance <= instances; instance++) {
            services.add(service(VILLAGE_SERVICE, instance, StackEnvironment.VILLAGE_PORT,
                environment.villagePort(instance), infrastructure));
        }
        for (int instance = 1; instance <= instances; instance++) {
            services.add(service(BUDGET_SERVICE, instance, StackEnvironment.BUDGET_PORT,
                environment.budgetPort(instance), infrastructure));
        }
        Map<String, String> gatewayEnvironment = new HashMap<>(childEnvironment());
        gatewayEnvironment.put(StackEnvironment.VILLAGE_SERVICE_URLS, urls(environment::villagePort, instances));
        gatewayEnvironment.put(StackEnvironment.BUDGET_SERVICE_URLS, urls(environment::budgetPort, instances));
        services.add(jar(GATEWAY, GATEWAY, gatewayEnvironment, environment.gatewayPort(), infrastructure));
        requireDistinctPorts(services);
        return services;
    }

    public String gatewayUrl() {
        return "http://localhost:" + environment.gatewayPort();
    }

    private ProcessSpec launcherMain(String name, Class<?> mainClass, List<Integer> ports, ReadinessProbe readiness) {
        int heapMb = mainClass == MongoStoreMain.class ? HEAP_MB + environment.storeCacheMb() * 3 / 2 : HEAP_MB;
        List<String> command = new ArrayList<>(List.of(javaCommand));
        command.addAll(jvmOptions(heapMb));
        command.addAll(List.of("-cp", launcherClasspath, mainClass.getName()));
        return new ProcessSpec(name, command, home, childEnvironment(), ports, readiness, Set.of());
    }

    private ProcessSpec service(String module, int instance, String portVariable, int port, Set<String> dependsOn) {
        Map<String, String> variables = new HashMap<>(childEnvironment());
        variables.put(portVariable, String.valueOf(port));
        return jar(instance == 1 ? module : module + "-" + instance, module, variables, port, dependsOn);
    }

    private ProcessSpec jar(String name, String module, Map<String, String> variables, int port,
                            Set<String> dependsOn) {
        Path jar = home.resolve(module).resolve("target").resolve(module + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing; build with ./mvnw -DskipTests package (run.sh does)");
        }
        List<String> command = new ArrayList<>(List.of(javaCommand));
        command.addAll(jvmOptions(HEAP_MB));
        command.addAll(List.of("-jar", jar.toString()));
        return new ProcessSpec(name, command, home, variables, List.of(port), new HttpHealthProbe(port), dependsOn);
    }

    private static String urls(IntUnaryOperator portOfInstance, int instances) {
        return IntStream.rangeClosed(1, instances)
            .mapToObj(instance -> "http://localhost:" + portOfInstance.applyAsInt(instance))
            .collect(Collectors.joining(","));
    }

    /** Two processes on one port would have one answer the other's readiness probe; refused before anything starts. */
    private void requireDistinctPorts(List<ProcessSpec> services) {
        Map<Integer, String> owners = new HashMap<>();
        for (ProcessSpec spec : infrastructure()) {
            spec.ports().forEach(port -> owners.put(port, spec.name()));
        }
        for (ProcessSpec spec : services) {
            for (int port : spec.ports()) {
                String other = owners.putIfAbsent(port, spec.name());
                if (other != null) {
                    throw new IllegalArgumentException(spec.name() + " and " + other + " would both listen on port "
                        + port + "; set their ports apart (see README, Configuration)");
                }
            }
        }
    }

    private static List<String> jvmOptions(int heapMb) {
        return List.of("-Xmx" + heapMb + "m", "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8");
    }

    /**
     * Children inherit the supervisor's environment; on top of it they get every setting of API.md "Starting
     * it" resolved (DATA_DIR absolute, ports with their defaults), so all five agree on them.
     */
    private Map<String, String> childEnvironment() {
        Map<String, String> variables = new HashMap<>();
        variables.put(StackEnvironment.DATA_DIR, environment.dataDir().toString());
        variables.put(StackEnvironment.GATEWAY_PORT, String.valueOf(environment.gatewayPort()));
        variables.put(StackEnvironment.VILLAGE_PORT, String.valueOf(environment.villagePort()));
        variables.put(StackEnvironment.BUDGET_PORT, String.valueOf(environment.budgetPort()));
        variables.put(StackEnvironment.KAFKA_PORT, String.valueOf(environment.kafkaPort()));
        variables.put(StackEnvironment.KAFKA_CONTROLLER_PORT, String.valueOf(environment.kafkaControllerPort()));
        variables.put(StackEnvironment.MONGO_PORT, String.valueOf(environment.mongoPort()));
        environment.text(StackEnvironment.MONGODB_URI)
            .ifPresent(uri -> variables.put(StackEnvironment.MONGODB_URI, uri));
        if (!environment.usesExternalMongo()) {
            // The embedded store keeps no secondary index, yet scans every document for each one whenever it opens
            // a collection: with a national ledger, a minute per index at every start.
            variables.put(StackEnvironment.LEDGER_SECONDARY_INDEXES, "false");
        }
        environment.text(StackEnvironment.KAFKA_BOOTSTRAP_SERVERS)
            .ifPresent(servers -> variables.put(StackEnvironment.KAFKA_BOOTSTRAP_SERVERS, servers));
        return variables;
    }
}
