package id.desadigital.gateway.services;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.stereotype.Component;

/**
 * The instances of each service behind the gateway, from a static list (desa.services.*.urls), and which of them
 * refused a connection lately. The load balancer picks among {@link #available} ones: an instance that refused a
 * connection is left out for {@code skip-unreachable-for}, so that the retry of the request that found it down goes
 * to another instance, and so do the requests after it, instead of each paying a refused connection first. Should
 * every instance of a service have refused lately, one is still offered: trying is better than answering 503 unasked.
 */
@Component
public class ServiceInstances {

    public static final String VILLAGE_SERVICE = "village-service";
    public static final String BUDGET_SERVICE = "budget-service";

    private static final Logger log = LoggerFactory.getLogger(ServiceInstances.class);

    private final Map<String, List<ServiceInstance>> instances;
    private final Map<URI, Instant> unreachableUntil = new ConcurrentHashMap<>();
    private final Duration skipUnreachableFor;
    private final Clock clock;

    public ServiceInstances(ServiceProperties services, Clock clock) {
        this.instances = Map.of(
                VILLAGE_SERVICE, instancesOf(VILLAGE_SERVICE, services.village()),
                BUDGET_SERVICE, instancesOf(BUDGET_SERVICE, services.budget()));
        this.skipUnreachableFor = services.skipUnreachableFor();
        this.clock = clock;
    }

    /** Every instance of the service, reachable or not; empty for a service the gateway does not know. */
    public List<ServiceInstance> all(String serviceId) {
        return instances.getOrDefault(serviceId, List.of());
    }

    /**
     * The instances to choose from now: all but those that could not be connected to lately. When that leaves none,
     * the one that failed longest ago: the likeliest to be back, and a request that finds it down too moves on to
     * the next (which then failed longest ago), so it is not offered an instance that just refused it.
     */
    public List<ServiceInstance> available(String serviceId) {
        List<ServiceInstance> all = all(serviceId);
        Instant now = clock.instant();
        List<ServiceInstance> reachable = all.stream()
                .filter(instance -> !unreachableUntil(instance).isAfter(now))
                .toList();
        if (!reachable.isEmpty()) {
            return reachable;
        }
        return all.stream().min(Comparator.comparing(this::unreachableUntil)).map(List::of).orElse(List.of());
    }

    /**
     * How often a failed call to the service may be tried again so as to reach an instance that is up, however many
     * are down: a dead instance can cost a call two attempts, a kept-alive connection it had (closed when it died)
     * and then a refused new one, which leaves it out. At least one, for such a connection on a single instance.
     */
    public int retries(String serviceId) {
        return Math.max(1, 2 * (all(serviceId).size() - 1));
    }

    /** The instance at {@code url} could not be connected to: offered to nobody for a while. */
    public void unreachable(URI url) {
        Instant now = clock.instant();
        Instant until = now.plus(skipUnreachableFor);
        Instant before = unreachableUntil.put(url, until);
        if (before == null || !before.isAfter(now)) {
            log.warn("Service instance {} cannot be connected to; routing around it until {}", url, until);
        }
    }

    private Instant unreachableUntil(ServiceInstance instance) {
        return unreachableUntil.getOrDefault(instance.getUri(), Instant.MIN);
    }

    private static List<ServiceInstance> instancesOf(String serviceId, ServiceProperties.Endpoint endpoint) {
        return endpoint.urls().stream()
                .<ServiceInstance>map(url -> new DefaultServiceInstance(serviceId + "@" + url.getAuthority(), serviceId,
                        url.getHost(), port(url), "https".equals(url.getScheme())))
                .toList();
    }

    private static int port(URI url) {
        if (url.getPort() >= 0) {
            return url.getPort();
        }
        return "https".equals(url.getScheme()) ? 443 : 80;
    }
}
