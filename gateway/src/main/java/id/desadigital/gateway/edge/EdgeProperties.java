package id.desadigital.gateway.edge;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** What every response and request at the door is held to, whatever path it takes. */
final class EdgeProperties {

    private EdgeProperties() {
    }

    /**
     * @param contentSecurityPolicy the Content-Security-Policy of every response, meant for the web pages served at
     *                              {@code /}; blank sends none
     */
    @ConfigurationProperties("desa.security")
    record Headers(String contentSecurityPolicy) {
    }

    /**
     * @param allowedOrigins the origins (scheme://host[:port]) whose pages may call the API from a browser; empty
     *                       allows none, which is right while the web pages are served by the gateway itself
     * @param maxAge         how long a browser may reuse a preflight answer
     */
    @ConfigurationProperties("desa.security.cors")
    record Cors(List<String> allowedOrigins, Duration maxAge) {

        Cors {
            allowedOrigins = allowedOrigins == null ? List.of()
                    : allowedOrigins.stream().map(String::trim).filter(origin -> !origin.isEmpty()).toList();
        }
    }

    /**
     * @param maxBodySize   the largest request body (by Content-Length) the gateway passes on
     * @param maxImportSize the same for {@code POST /api/villages/import}, which carries the national area list
     */
    @ConfigurationProperties("desa.gateway")
    record BodySizes(DataSize maxBodySize, DataSize maxImportSize) {
    }
}
