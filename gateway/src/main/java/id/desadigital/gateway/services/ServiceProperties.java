package id.desadigital.gateway.services;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the services behind the gateway answer. The routes in application.yml use the same URLs, so routing, the
 * village check on user creation and the health check cannot disagree.
 *
 * @param callTimeout   how long a direct call the gateway makes on a user's behalf may take
 * @param healthTimeout how long one service's health check may take before it counts as down
 */
@ConfigurationProperties("desa.services")
public record ServiceProperties(Endpoint village, Endpoint budget, Duration callTimeout, Duration healthTimeout) {

    public record Endpoint(URI url) {
    }
}
