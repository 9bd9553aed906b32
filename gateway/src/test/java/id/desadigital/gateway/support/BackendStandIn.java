package id.desadigital.gateway.support;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service behind the gateway, played by a small HTTP server in the test JVM: it echoes what reached it (so tests
 * see which service a path went to and which headers passed, the trace's among them), answers its health as told, and, for village-service,
 * answers village look-ups from a list the test fills.
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

    public static final BackendStandIn VILLAGE = new BackendStandIn("village");
    public static final BackendStandIn BUDGET = new BackendStandIn("budget");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern VILLAGE_LOOKUP = Pattern.compile("^/api/villages/\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{4}$");

    private final String name;
    private final DisposableServer server;
    private final Map<String, String> villageStatuses = new ConcurrentHashMap<>();
    private volatile boolean healthy = true;
    private volatile boolean villageLookupsFail;

    private BackendStandIn(String name) {
        this.name = name;
        this.server = HttpServer.create().host("127.0.0.1").port(0).handle(this::handle).bindNow();
        Runtime.getRuntime().addShutdownHook(new Thread(server::disposeNow, name + "-stand-in-stop"));
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    public void healthy(boolean healthy) {
        this.healthy = healthy;
    }

    public void village(String code, String status) {
        villageStatuses.put(code, status);
    }

    public void villageLookupsFail(boolean fail) {
        this.villageLookupsFail = fail;
    }

    private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        String path = request.fullPath();
        if (path.equals("/actuator/health")) {
            return json(response, healthy ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE,
                    Map.of("status", healthy ? "UP" : "DOWN"));
        }
        if (name.equals("village") && request.method().equals(HttpMethod.GET) && VILLAGE_LOOKUP.matcher(path).matches()) {
            return villageLookup(path.substring("/api/villages/".length()), response);
        }
        return request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("")
                .flatMap(body -> {
                    Map<String, Object> echo = new LinkedHashMap<>();
                    echo.put("service", name);
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
        String status = villageStatuses.get(code);
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
