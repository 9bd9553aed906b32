package id.desadigital.load.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stack's HTTP API as its clients use it: JSON, a bearer token, an Idempotency-Key on every write. One HTTP/1.1
 * client for the whole run, as a fleet of browsers and phones would share nothing but the network.
 */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Duration timeout;
    private final java.util.concurrent.atomic.LongAdder rateLimited = new java.util.concurrent.atomic.LongAdder();

    public Api(Duration timeout) {
        this.timeout = timeout;
    }

    /** An answer: its status and its body, read as JSON when there is one. */
    public record Answer(int status, JsonNode body) {

        public String id() {
            return body.path("id").asString();
        }
    }

    /** How many answers were 429: the gateway limits each user's rate unless the stack runs with RATE_LIMIT_RPS=0. */
    public long rateLimited() {
        return rateLimited.sum();
    }

    public Answer post(String token, String url, Object body) {
        return send(builder(token, url).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    public Answer get(String token, String url) {
        return send(builder(token, url).GET().build());
    }

    /** A write that must succeed (the tool's own setup): anything but 2xx stops the run with the answer. */
    public JsonNode created(String token, String url, Object body) {
        return expect(post(token, url, body), url);
    }

    /** A read that must succeed. */
    public JsonNode read(String token, String url) {
        return expect(get(token, url), url);
    }

    public String token(String gateway, String username, String password) {
        return expect(send(HttpRequest.newBuilder(URI.create(gateway + "/api/auth/token")).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        java.util.Map.of("username", username, "password", password)))).build()),
                "sign-in of " + username).path("access_token").asString();
    }

    private HttpRequest.Builder builder(String token, String url) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Accept", "application/json");
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 429) {
                rateLimited.increment();
            }
            return new Answer(response.statusCode(), json(response.body()));
        } catch (IOException e) {
            return new Answer(0, JSON.getNodeFactory().textNode(e.toString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, JSON.getNodeFactory().textNode("interrupted"));
        }
    }

    private static JsonNode json(String body) {
        if (body.isEmpty()) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            return JSON.getNodeFactory().textNode(body);
        }
    }

    private static JsonNode expect(Answer answer, String what) {
        if (answer.status() < 200 || answer.status() >= 300) {
            throw new IllegalStateException(what + " -> " + answer.status() + " " + answer.body());
        }
        return answer.body();
    }
}
