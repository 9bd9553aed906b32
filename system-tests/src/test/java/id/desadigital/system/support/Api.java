package id.desadigital.system.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** HTTP as a client of the system speaks it: JSON in and out, a bearer token or none. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /**
     * One connection per request ({@code Connection: close}): Reactor Netty 1.3.6 can stop reading a kept-alive
     * HTTP/1.1 connection after a request that completed at once (reactor/reactor-netty#4361), and the next request
     * on it then hangs; about one request in 300 of the access matrix did. 1.3.7 did not help; see docs/testing.md.
     */
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Api() {
    }

    /** One answer: status, content type and body. */
    public record Answer(int status, String contentType, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }

    public static Answer send(String method, String url, String token, Object body) {
        return send(method, url, token, body == null ? null : JSON.writeValueAsString(body), "application/json");
    }

    public static Answer send(String method, String url, String token, String body, String contentType) {
        return send(method, url, token, body, contentType, "application/json, application/problem+json");
    }

    public static Answer send(String method, String url, String token, String body, String contentType,
            String accept) {
        return send(method, url, token, body, contentType, accept, Map.of(), TIMEOUT);
    }

    /** A JSON request with headers of its own (an {@code Idempotency-Key}) and its own time limit. */
    public static Answer send(String method, String url, String token, Object body, Map<String, String> headers,
            Duration timeout) {
        return send(method, url, token, body == null ? null : JSON.writeValueAsString(body), "application/json",
                "application/json, application/problem+json", headers, timeout);
    }

    private static Answer send(String method, String url, String token, String body, String contentType,
            String accept, Map<String, String> headers, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Accept", accept)
                .header("Connection", "close");
        headers.forEach(request::header);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", contentType);
            request.method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public static Answer get(String url, String token) {
        return send("GET", url, token, null);
    }

    /** The body of a request expected to succeed; anything else fails the test with what the system answered. */
    public static JsonNode ok(String method, String url, String token, Object body) {
        Answer answer = send(method, url, token, body);
        if (answer.status() / 100 != 2) {
            throw new AssertionError(method + " " + url + " answered " + answer);
        }
        return answer.body().isEmpty() ? JSON.nullNode() : answer.json();
    }

    public static String signIn(String gateway, String username, String password) {
        return ok("POST", gateway + "/api/auth/token", null,
                Map.of("username", username, "password", password)).path("access_token").asString();
    }
}
