package id.desadigital.gateway.support;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.concurrent.GlobalEventExecutor;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * One instance of a service behind the gateway, played by a small HTTP server in the test JVM: it echoes what
 * reached it (so tests see which service and which instance a path went to and which headers passed, the trace's among them), answers its
 * health as told, and, for village-service, answers village look-ups from a list the test fills. Each service has
 * two instances, as a scaled-out deployment does; they share the village list as real instances share their store.
 * An instance can be stopped and started again on the same port, as a process that died and was restarted.
 */
public final class BackendStandIn {

    /** A request carrying this header is answered with the service's own security headers (see the echo). */
    public static final String SEND_OWN_SECURITY_HEADERS = "X-Stand-In-Send-Security-Headers";
    /** What the stand-in then sends: values different from the gateway's, to see whose reach the client. */
    public static final Map<String, String> OWN_SECURITY_HEADERS = Map.of(
            "X-Frame-Options", "SAMEORIGIN",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "unsafe-url",
            "Content-Security-Policy", "default-src *");
    /** A request to a path ending so is counted, then its connection closed without an answer. */
    public static final String DROP_CONNECTION = "/stand-in-drops-the-connection";

    public static final BackendStandIn VILLAGE = new BackendStandIn("village", "village-1");
    public static final BackendStandIn VILLAGE_2 = new BackendStandIn("village", "village-2");
    public static final BackendStandIn BUDGET = new BackendStandIn("budget", "budget-1");
    public static final BackendStandIn BUDGET_2 = new BackendStandIn("budget", "budget-2");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern VILLAGE_LOOKUP = Pattern.compile("^/api/villages/\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{4}$");
    private static final Map<String, String> VILLAGE_STATUSES = new ConcurrentHashMap<>();
    private static volatile boolean villageLookupsFail;

    private final String name;
    private final String instance;
    private final int port;
    private final AtomicInteger droppedConnections = new AtomicInteger();
    private volatile DisposableServer server;
    private volatile boolean healthy = true;

    private BackendStandIn(String name, String instance) {
        this.name = name;
        this.instance = instance;
        this.server = bind(0);
        this.port = server.port();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, instance + "-stand-in-stop"));
    }

    /** The URLs of both instances of a service, as the gateway is configured with them. */
    public static String urls(BackendStandIn first, BackendStandIn second) {
        return first.url() + "," + second.url();
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** What the echo names as {@code instance}. */
    public String instance() {
        return instance;
    }

    public void healthy(boolean healthy) {
        this.healthy = healthy;
    }

    /** Closes the port: connections to it are refused until {@link #start}. */
    public synchronized void stop() {
        server.disposeNow();
    }

    public synchronized void start() {
        if (server.isDisposed()) {
            server = bind(port);
        }
    }

    /** Requests to a {@link #DROP_CONNECTION} path this instance has received. */
    public int droppedConnections() {
        return droppedConnections.get();
    }

    /** Registers a village for village-service's look-ups, on every instance. */
    public void village(String code, String status) {
        VILLAGE_STATUSES.put(code, status);
    }

    /** Makes village-service's look-ups answer 500, on every instance. */
    public void villageLookupsFail(boolean fail) {
        villageLookupsFail = fail;
    }

    /** Its connections in a group, so that stopping closes the kept-alive ones too, as a process dying does. */
    private DisposableServer bind(int port) {
        return HttpServer.create().host("127.0.0.1").port(port)
                .channelGroup(new DefaultChannelGroup(GlobalEventExecutor.INSTANCE))
                .handle(this::handle).bindNow();
    }

    private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        String path = request.fullPath();
        if (path.equals("/actuator/health")) {
            return json(response, healthy ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE,
                    Map.of("status", healthy ? "UP" : "DOWN"));
        }
        if (path.endsWith(DROP_CONNECTION)) {
            droppedConnections.incrementAndGet();
            return request.receive().then(Mono.fromRunnable(() -> request.withConnection(Connection::dispose)));
        }
        if (name.equals("village") && request.method().equals(HttpMethod.GET) && VILLAGE_LOOKUP.matcher(path).matches()) {
            return villageLookup(path.substring("/api/villages/".length()), response);
        }
        return request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("")
                .flatMap(body -> {
                    Map<String, Object> echo = new LinkedHashMap<>();
                    echo.put("service", name);
                    echo.put("instance", instance);
                    echo.put("method", request.method().name());
                    echo.put("uri", request.uri());
                    echo.put("authorization", request.requestHeaders().get("Authorization"));
                    echo.put("traceparent", request.requestHeaders().getAll("traceparent"));
                    echo.put("body", body);
                    if (request.requestHeaders().contains(SEND_OWN_SECURITY_HEADERS)) {
                        OWN_SECURITY_HEADERS.forEach(response::header);
                    }
                    return json(response, HttpResponseStatus.OK, echo);
                });
    }

    private Mono<Void> villageLookup(String code, HttpServerResponse response) {
        if (villageLookupsFail) {
            return json(response, HttpResponseStatus.INTERNAL_SERVER_ERROR, Map.of("status", 500));
        }
        String status = VILLAGE_STATUSES.get(code);
        if (status == null) {
            return json(response, HttpResponseStatus.NOT_FOUND, Map.of("status", 404, "title", "Not found"));
        }
        return json(response, HttpResponseStatus.OK,
                Map.of("code", code, "name", "Desa " + code, "type", "DESA", "status", status));
    }

    private static Mono<Void> json(HttpServerResponse response, HttpResponseStatus status, Object body) {
        return response.status(status)
                .header("Content-Type", "application/json")
                .sendString(Mono.just(JSON.writeValueAsString(body)))
                .then();
    }
}
