package id.desadigital.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Ready once {@code GET http://localhost:<port>/actuator/health} answers 200. Spring Boot answers 503 while
 * any health contributor is down, so for the gateway this means "the gateway and both services are up".
 */
public final class HttpHealthProbe implements ReadinessProbe {

    /** A health endpoint answers in milliseconds; a slow one counts as not ready and is asked again. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();

    private final URI uri;

    public HttpHealthProbe(int port) {
        this.uri = URI.create("http://localhost:" + port + "/actuator/health");
    }

    @Override
    public boolean isReady() {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public String description() {
        return "GET " + uri + " == 200";
    }
}
