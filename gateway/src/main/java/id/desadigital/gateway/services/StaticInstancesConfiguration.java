package id.desadigital.gateway.services;

import java.util.List;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ReactorLoadBalancer;
import org.springframework.cloud.loadbalancer.core.RoundRobinLoadBalancer;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import reactor.core.publisher.Flux;

/**
 * What Spring Cloud LoadBalancer uses for each service (one child context per service id): round robin over the
 * {@link ServiceInstances} available right now. No discovery client is involved, so Spring Cloud's default
 * configuration, which needs one, does not apply and this one provides the load balancer too.
 *
 * <p>Deliberately not a {@code @Configuration}: component scanning must not load it into the gateway's own context,
 * where it would have no service id.
 */
class StaticInstancesConfiguration {

    @Bean
    ServiceInstanceListSupplier staticServiceInstances(Environment environment, ServiceInstances instances) {
        String serviceId = LoadBalancerClientFactory.getName(environment);
        return new ServiceInstanceListSupplier() {
            @Override
            public String getServiceId() {
                return serviceId;
            }

            @Override
            public Flux<List<ServiceInstance>> get() {
                return Flux.defer(() -> Flux.just(instances.available(serviceId)));
            }
        };
    }

    @Bean
    ReactorLoadBalancer<ServiceInstance> roundRobinLoadBalancer(Environment environment,
            LoadBalancerClientFactory factory) {
        String serviceId = LoadBalancerClientFactory.getName(environment);
        return new RoundRobinLoadBalancer(factory.getLazyProvider(serviceId, ServiceInstanceListSupplier.class),
                serviceId);
    }
}
