package id.desadigital.launcher.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Holds docker-compose.yml to the services' own configuration, so that renaming a variable, moving a port or
 * dropping a healthcheck in one place fails the build instead of a `docker compose up` on someone's server.
 * Everything is read at test time from the repository root: the compose file, each service's application.yml and
 * Dockerfile.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** The applications built from this repository; each is the module of that name. */
    private static final List<String> APPLICATIONS = List.of("village-service", "budget-service", "gateway");
    /** Each service runs twice behind the gateway: the container named as the module, and {@code <module>-2}. */
    private static final List<String> SCALED_OUT = List.of("village-service", "budget-service");
    /** Every container built from this repository, by compose service name, with the module it runs. */
    private static final Map<String, String> BUILT = Map.of("village-service", "village-service",
            "village-service-2", "village-service", "budget-service", "budget-service",
            "budget-service-2", "budget-service", "gateway", "gateway");
    private static final Set<String> CONTAINERS = Set.of("kafka", "mongo", "village-service", "village-service-2",
            "budget-service", "budget-service-2", "gateway");
    private static final int MONGO_PORT = 27017;

    private static final Pattern PORT_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):(\\d+)}");
    private static final Pattern ENV_PLACEHOLDER_START = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

    private static Map<String, Object> services;
    private static Map<String, Object> compose;
    private static final Map<String, ServiceConfig> CONFIGS = new LinkedHashMap<>();

    @BeforeAll
    static void read() throws IOException {
        compose = yaml(ROOT.resolve("docker-compose.yml"));
        services = map(compose.get("services"), "services");
        for (String application : APPLICATIONS) {
            CONFIGS.put(application, ServiceConfig.of(ROOT.resolve(application)));
        }
    }

    @Test
    void composeRunsTheBrokerTheStoreAndTheThreeApplications() {
        assertThat(services.keySet()).containsExactlyInAnyOrderElementsOf(CONTAINERS);
        assertThat(string(service("kafka").get("image"))).startsWith("apache/kafka:");
        assertThat(string(service("mongo").get("image"))).matches("mongo:\\d+.*");
    }

    @Test
    void eachApplicationListensOnThePortItsApplicationYmlDefaultsTo() throws IOException {
        for (String container : BUILT.keySet()) {
            ServiceConfig config = config(container);
            assertThat(environment(container))
                    .as("%s sets %s to the port its application.yml defaults to", container, config.portVariable())
                    .containsEntry(config.portVariable(), String.valueOf(config.defaultPort()));

            String dockerfile = Files.readString(dockerfile(container));
            assertThat(dockerfile).as("%s Dockerfile", container)
                    .containsPattern("(?m)^ENV " + config.portVariable() + "=" + config.defaultPort() + "\\s*$")
                    .containsPattern("(?m)^EXPOSE " + config.defaultPort() + "\\s*$");
        }
    }

    @Test
    void onlyTheGatewayIsPublishedAndOnThePortItListensOn() {
        for (String name : CONTAINERS) {
            if (!name.equals("gateway")) {
                assertThat(service(name)).as("%s publishes no port", name).doesNotContainKey("ports");
            }
        }
        List<?> ports = list(service("gateway").get("ports"), "gateway ports");
        assertThat(ports).hasSize(1);
        assertThat(containerPort(ports.get(0))).isEqualTo(CONFIGS.get("gateway").defaultPort());
    }

    @Test
    void everyVariableComposeSetsIsOneTheApplicationReads() {
        for (String container : BUILT.keySet()) {
            assertThat(config(container).placeholders().keySet())
                    .as("variables %s/src/main/resources/application.yml reads", BUILT.get(container))
                    .containsAll(environment(container).keySet());
        }
    }

    @Test
    void everyVariableWhoseDefaultIsLocalhostIsSetSinceLocalhostIsTheContainerItself() {
        for (String container : BUILT.keySet()) {
            ServiceConfig config = config(container);
            Map<String, String> environment = environment(container);
            config.placeholders().forEach((variable, fallback) -> {
                if (fallback.contains("localhost") && !config.isNestedInSetVariable(variable, environment)) {
                    assertThat(environment).as("%s must set %s (default %s)", container, variable, fallback)
                            .containsKey(variable);
                }
            });
        }
    }

    @Test
    void everyAddressNamesAContainerOnThePortThatContainerListensOn() {
        Map<String, Integer> listening = new LinkedHashMap<>();
        BUILT.forEach((container, application) -> listening.put(container, CONFIGS.get(application).defaultPort()));
        listening.put("mongo", MONGO_PORT);
        listening.put("kafka", kafkaClientPort());

        for (String container : BUILT.keySet()) {
            environment(container).forEach((variable, value) -> {
                for (URI uri : addresses(value)) {
                    assertThat(listening).as("%s %s names a container", container, variable)
                            .containsKey(uri.getHost());
                    assertThat(uri.getPort()).as("%s %s port", container, variable)
                            .isEqualTo(listening.get(uri.getHost()));
                }
            });
            String bootstrap = environment(container).get("KAFKA_BOOTSTRAP_SERVERS");
            if (bootstrap != null) {
                assertThat(bootstrap).as("%s KAFKA_BOOTSTRAP_SERVERS", container)
                        .isEqualTo("kafka:" + kafkaClientPort());
                assertThat(string(environment("kafka").get("KAFKA_ADVERTISED_LISTENERS")))
                        .contains("://" + bootstrap);
            }
        }
    }

    @Test
    void urlsKeepThePathsTheApplicationsExpect() {
        for (String container : BUILT.keySet()) {
            ServiceConfig config = config(container);
            environment(container).forEach((variable, value) -> {
                String fallback = config.placeholders().get(variable);
                if (value == null || fallback == null) {
                    return;
                }
                String resolved = ServiceConfig.defaultOf(fallback);
                if (!resolved.matches("https?://.*")) {
                    return;
                }
                String expectedPath = URI.create(resolved).getPath();
                for (URI uri : addresses(value)) {
                    assertThat(uri.getPath()).as("%s %s path", container, variable).isEqualTo(expectedPath);
                }
            });
        }
    }

    @Test
    void eachServiceRunsTwiceAlikeAndTheGatewayIsGivenEveryInstance() {
        Map<String, String> gateway = environment("gateway");
        for (String module : SCALED_OUT) {
            String second = module + "-2";
            assertThat(service(second)).as("%s is %s again", second, module).isEqualTo(service(module));

            String variable = CONFIGS.get(module).portVariable().replace("_PORT", "_SERVICE_URLS");
            assertThat(gateway).as("gateway %s", variable).containsKey(variable);
            assertThat(addresses(gateway.get(variable))).extracting(URI::getHost)
                    .as("gateway %s names every instance of %s", variable, module)
                    .containsExactlyInAnyOrder(module, second);
            assertThat(dependencies("gateway")).contains(module, second);
        }
    }

    @Test
    void mongoRunsAsAReplicaSetThatComposeInitialises() {
        List<String> command = list(service("mongo").get("command"), "mongo command").stream()
                .map(String::valueOf).toList();
        int replSet = command.indexOf("--replSet");
        assertThat(replSet).as("mongo is started with --replSet").isNotNegative();
        String setName = command.get(replSet + 1);
        assertThat(command).contains("--bind_ip_all");

        String healthcheck = String.join(" ", healthcheck("mongo").orElseThrow());
        assertThat(healthcheck).contains("rs.initiate(").contains("'" + setName + "'")
                .contains("mongo:" + MONGO_PORT).contains("isWritablePrimary");

        for (String container : BUILT.keySet()) {
            String uri = environment(container).get("MONGODB_URI");
            assertThat(uri).as("%s MONGODB_URI", container)
                    .isEqualTo("mongodb://mongo:" + MONGO_PORT + "/?replicaSet=" + setName);
        }
    }

    @Test
    void everyContainerHasAHealthcheck() throws IOException {
        assertThat(healthcheck("kafka")).as("kafka healthcheck").isPresent();
        assertThat(healthcheck("mongo")).as("mongo healthcheck").isPresent();
        for (String container : BUILT.keySet()) {
            ServiceConfig config = config(container);
            Optional<List<String>> inCompose = healthcheck(container);
            if (inCompose.isPresent()) {
                assertThat(String.join(" ", inCompose.get())).contains("/actuator/health");
            } else {
                assertThat(Files.readString(dockerfile(container))).as("%s Dockerfile HEALTHCHECK", container)
                        .containsPattern("(?s)HEALTHCHECK .*CMD .*localhost:\\$\\{" + config.portVariable()
                                + "}/actuator/health");
            }
        }
    }

    @Test
    void containersWaitForWhatTheyNeedToBeHealthy() {
        for (String name : CONTAINERS) {
            Object dependsOn = service(name).get("depends_on");
            if (dependsOn == null) {
                continue;
            }
            map(dependsOn, name + " depends_on (long form with a condition)").forEach((dependency, spec) -> {
                assertThat(CONTAINERS).contains(dependency);
                assertThat(map(spec, name + " depends_on " + dependency)).as("%s waits for %s", name, dependency)
                        .containsEntry("condition", "service_healthy");
            });
        }
        for (String container : BUILT.keySet()) {
            Map<String, String> environment = environment(container);
            Set<String> dependencies = dependencies(container);
            if (environment.containsKey("MONGODB_URI")) {
                assertThat(dependencies).as("%s needs mongo", container).contains("mongo");
            }
            if (environment.containsKey("KAFKA_BOOTSTRAP_SERVERS")) {
                assertThat(dependencies).as("%s needs kafka", container).contains("kafka");
            }
        }
        // The gateway is only healthy while both services are, so it starts after them (every instance).
        assertThat(dependencies("gateway")).contains("village-service", "budget-service");
    }

    @Test
    void everyContainerHasAMemoryLimit() {
        for (String name : CONTAINERS) {
            Map<String, Object> service = service(name);
            Object limit = Optional.ofNullable(service.get("mem_limit")).orElseGet(() -> {
                Map<String, Object> deploy = map(service.getOrDefault("deploy", Map.of()), name + " deploy");
                Map<String, Object> resources = map(deploy.getOrDefault("resources", Map.of()), "resources");
                return map(resources.getOrDefault("limits", Map.of()), "limits").get("memory");
            });
            assertThat(limit).as("%s memory limit", name).isNotNull();
            assertThat(megabytes(string(limit))).as("%s memory limit in MB", name).isBetween(256L, 4096L);
        }
    }

    @Test
    void brokerAndStoreKeepTheirDataInNamedVolumes() {
        Set<String> declared = map(compose.get("volumes"), "volumes").keySet();
        assertThat(volumeMountedAt("mongo", "/data/db")).isPresent().get().isIn(declared);
        String kafkaLogs = string(environment("kafka").get("KAFKA_LOG_DIRS"));
        assertThat(volumeMountedAt("kafka", kafkaLogs)).isPresent().get().isIn(declared);
    }

    @Test
    void applicationsAreBuiltFromTheRepositoryRootByMultiStageNonRootDockerfiles() throws IOException {
        for (String application : APPLICATIONS) {
            Map<String, Object> build = map(service(application).get("build"), application + " build");
            assertThat(ROOT.resolve(string(build.get("context"))).normalize()).as("%s build context", application)
                    .isEqualTo(ROOT);
            Path dockerfile = dockerfile(application);
            assertThat(dockerfile).as("%s Dockerfile", application).exists();

            List<String> lines = instructions(Files.readString(dockerfile));
            List<String> stages = lines.stream().filter(line -> line.startsWith("FROM ")).toList();
            assertThat(stages).as("%s stages", application).hasSizeGreaterThanOrEqualTo(2);
            assertThat(stages.get(0)).startsWith("FROM eclipse-temurin:17-jdk");
            assertThat(stages.get(stages.size() - 1)).startsWith("FROM eclipse-temurin:17-jre");
            assertThat(lines).as("%s builds its own module with what it depends on", application)
                    .anyMatch(line -> line.startsWith("RUN ") && line.contains("mvnw")
                            && line.contains("-pl " + application + " -am package"));
            assertThat(lines).anyMatch(line -> line.startsWith("COPY --from="));
            for (String module : reactorModules()) {
                assertThat(lines).as("%s copies %s/pom.xml: Maven reads every module of the reactor", application, module)
                        .contains("COPY " + module + "/pom.xml " + module + "/");
            }

            List<String> runtime = lines.subList(lines.lastIndexOf(stages.get(stages.size() - 1)), lines.size());
            List<String> users = runtime.stream().filter(line -> line.startsWith("USER ")).toList();
            assertThat(users).as("%s runtime stage sets a USER", application).isNotEmpty();
            String user = users.get(users.size() - 1).substring("USER ".length()).split(":")[0].trim();
            assertThat(user).as("%s runs as", application).isNotIn("root", "0");
            assertThat(String.join("\n", runtime)).as("%s JVM sizes itself to the container", application)
                    .contains("MaxRAMPercentage");
        }
    }

    private static List<String> reactorModules() throws IOException {
        return java.util.regex.Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(ROOT.resolve("pom.xml")))
                .results().map(match -> match.group(1).trim()).toList();
    }

    @Test
    void theBuildContextLeavesOutBuildOutputDataAndGitHistory() throws IOException {
        List<String> ignored = Files.readAllLines(ROOT.resolve(".dockerignore")).stream().map(String::trim).toList();
        assertThat(ignored).anyMatch(line -> line.matches("(\\*\\*/)?target/?"));
        assertThat(ignored).anyMatch(line -> line.matches("/?data/?"));
        assertThat(ignored).anyMatch(line -> line.matches("/?\\.git/?"));
    }

    // ---------------------------------------------------------------------------------------------------------

    /** What the compose file must agree with in one application's application.yml. */
    private record ServiceConfig(String portVariable, int defaultPort, Map<String, String> placeholders) {

        static ServiceConfig of(Path module) throws IOException {
            Path file = module.resolve("src/main/resources/application.yml");
            assertThat(file).as("application.yml of %s", module.getFileName()).exists();
            String text = Files.readString(file);
            // A service on platform also reads platform's defaults (desa-platform.yml: METRICS_TOKEN and the like).
            if (Files.readString(module.resolve("pom.xml")).contains("<artifactId>platform</artifactId>")) {
                text += "\n" + Files.readString(module.resolveSibling("platform/src/main/resources/desa-platform.yml"));
            }
            Map<String, Object> yml = yaml(file);
            Object port = map(yml.getOrDefault("server", Map.of()), "server").get("port");
            Matcher matcher = PORT_PLACEHOLDER.matcher(String.valueOf(port));
            if (!matcher.matches()) {
                fail("%s server.port should be ${<VARIABLE>:<default port>}, is %s", file, port);
            }
            return new ServiceConfig(matcher.group(1), Integer.parseInt(matcher.group(2)), placeholders(text));
        }

        /** Every ${NAME:default} (or ${NAME}) environment placeholder, with its default text ("" when none). */
        static Map<String, String> placeholders(String text) {
            Map<String, String> found = new LinkedHashMap<>();
            Matcher start = ENV_PLACEHOLDER_START.matcher(text);
            while (start.find()) {
                int depth = 1;
                int index = start.end();
                while (index < text.length() && depth > 0) {
                    char c = text.charAt(index);
                    if (c == '{') {
                        depth++;
                    } else if (c == '}') {
                        depth--;
                    }
                    index++;
                }
                String body = text.substring(start.end(), Math.max(start.end(), index - 1));
                found.putIfAbsent(start.group(1), body.startsWith(":") ? body.substring(1) : "");
            }
            return found;
        }

        /** What a placeholder's default comes to when none of the variables it names is set. */
        static String defaultOf(String fallback) {
            String resolved = fallback;
            Matcher innermost = Pattern.compile("\\$\\{[A-Z][A-Z0-9_]*(?::([^${}]*))?}").matcher(resolved);
            while (innermost.find()) {
                resolved = innermost.replaceFirst(Matcher.quoteReplacement(
                        innermost.group(1) == null ? "" : innermost.group(1)));
                innermost = innermost.reset(resolved);
            }
            return resolved;
        }

        /**
         * True when {@code variable} only appears inside the default of another variable that compose sets, such
         * as MONGO_PORT in ${MONGODB_URI:mongodb://localhost:${MONGO_PORT:27017}}: setting the outer one is enough.
         */
        boolean isNestedInSetVariable(String variable, Map<String, String> environment) {
            return placeholders.entrySet().stream().anyMatch(entry -> environment.containsKey(entry.getKey())
                    && entry.getValue().contains("${" + variable));
        }
    }

    private static ServiceConfig config(String container) {
        return CONFIGS.get(BUILT.get(container));
    }

    /** The URLs in a variable's value: one, or a comma-separated list; none when it holds no URL. */
    private static List<URI> addresses(String value) {
        if (value == null || !value.matches("[a-z]+://.*")) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).map(URI::create).toList();
    }

    private static Map<String, Object> service(String name) {
        return map(services.get(name), "service " + name);
    }

    private static Map<String, String> environment(String name) {
        Object environment = service(name).get("environment");
        Map<String, String> result = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> entries) {
            entries.forEach((key, value) -> result.put(String.valueOf(key), value == null ? null : value.toString()));
        } else if (environment instanceof List<?> entries) {
            for (Object entry : entries) {
                String[] pair = String.valueOf(entry).split("=", 2);
                result.put(pair[0], pair.length == 2 ? pair[1] : null);
            }
        }
        return result;
    }

    private static Set<String> dependencies(String name) {
        Object dependsOn = service(name).get("depends_on");
        return dependsOn == null ? Set.of() : map(dependsOn, name + " depends_on").keySet();
    }

    private static Optional<List<String>> healthcheck(String name) {
        Object healthcheck = service(name).get("healthcheck");
        if (healthcheck == null) {
            return Optional.empty();
        }
        Map<String, Object> spec = map(healthcheck, name + " healthcheck");
        if (Boolean.TRUE.equals(spec.get("disable"))) {
            return Optional.empty();
        }
        Object test = spec.get("test");
        List<String> parts = test instanceof List<?> items
                ? items.stream().map(String::valueOf).toList()
                : List.of(string(test));
        return parts.isEmpty() || parts.get(0).equals("NONE") ? Optional.empty() : Optional.of(parts);
    }

    private static int kafkaClientPort() {
        String advertised = string(environment("kafka").get("KAFKA_ADVERTISED_LISTENERS"));
        Matcher matcher = Pattern.compile("://kafka:(\\d+)").matcher(advertised);
        assertThat(matcher.find()).as("kafka advertises a listener as kafka:<port>: %s", advertised).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    private static int containerPort(Object port) {
        if (port instanceof Map<?, ?> longSyntax) {
            return Integer.parseInt(String.valueOf(longSyntax.get("target")));
        }
        String shortSyntax = String.valueOf(port).replaceAll("/(tcp|udp)$", "");
        return Integer.parseInt(shortSyntax.substring(shortSyntax.lastIndexOf(':') + 1));
    }

    private static Optional<String> volumeMountedAt(String name, String target) {
        for (Object volume : list(service(name).getOrDefault("volumes", List.of()), name + " volumes")) {
            if (volume instanceof Map<?, ?> longSyntax) {
                if (target.equals(longSyntax.get("target")) && "volume".equals(longSyntax.get("type"))) {
                    return Optional.of(String.valueOf(longSyntax.get("source")));
                }
            } else {
                String[] parts = String.valueOf(volume).split(":");
                if (parts.length >= 2 && parts[1].equals(target) && !parts[0].startsWith(".")
                        && !parts[0].startsWith("/")) {
                    return Optional.of(parts[0]);
                }
            }
        }
        return Optional.empty();
    }

    private static long megabytes(String size) {
        Matcher matcher = Pattern.compile("(?i)(\\d+)\\s*([kmg])b?").matcher(size.trim());
        assertThat(matcher.matches()).as("memory size %s", size).isTrue();
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2).toLowerCase()) {
            case "g" -> amount * 1024;
            case "m" -> amount;
            default -> amount / 1024;
        };
    }

    private static Path dockerfile(String application) {
        Map<String, Object> build = map(service(application).get("build"), application + " build");
        return ROOT.resolve(string(build.get("context"))).resolve(string(build.getOrDefault("dockerfile",
                "Dockerfile"))).normalize();
    }

    /** Dockerfile instructions with continuation lines joined and comments dropped. */
    private static List<String> instructions(String dockerfile) {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : dockerfile.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.length() == 0)) {
                continue;
            }
            boolean continues = trimmed.endsWith("\\");
            current.append(continues ? trimmed.substring(0, trimmed.length() - 1) : trimmed).append(' ');
            if (!continues) {
                result.add(current.toString().trim().replaceAll("\\s+", " "));
                current.setLength(0);
            }
        }
        return result;
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        return map(new Yaml().load(Files.readString(file)), file.toString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String what) {
        assertThat(value).as(what).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static List<?> list(Object value, String what) {
        assertThat(value).as(what).isInstanceOf(List.class);
        return (List<?>) value;
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
