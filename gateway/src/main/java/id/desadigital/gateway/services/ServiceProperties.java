package id.desadigital.gateway.services;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the instances of the services behind the gateway answer. The routes (lb://village-service,
 * lb://budget-service), the village check on user creation and the health check all take them from here, so they
 * cannot disagree.
 *
 * @param skipUnreachableFor how long an instance that refused a connection is left out of the rotation, so that the
 *                           retry of the request that found it down, and the requests after it, go to another
 *                           instance; after that it is tried again
 * @param callTimeout        how long a direct call the gateway makes on a user's behalf may take
 * @param healthTimeout      how long one instance's health check may take before it counts as down
 */
@ConfigurationProperties("desa.services")
public record ServiceProperties(Endpoint village, Endpoint budget, Duration skipUnreachableFor, Duration callTimeout,
                                Duration healthTimeout) {

    /** @param urls every instance of the service (scheme, host and port); at least one */
    public record Endpoint(List<URI> urls) {

        public Endpoint {
            if (urls == null || urls.isEmpty()) {
                throw new IllegalArgumentException("a service needs at least one instance URL");
            }
            for (URI url : urls) {
                if (url.getHost() == null || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
                    throw new IllegalArgumentException("a service instance URL must be http(s)://host[:port], got "
                            + url);
                }
            }
            urls = List.copyOf(urls);
        }
    }
}
