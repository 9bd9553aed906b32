package id.desadigital.gateway.services;

import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Several instances per service behind lb://village-service and lb://budget-service: Spring Cloud LoadBalancer with
 * the static instance lists of {@link ServiceInstances}, requests moved to another instance when theirs could not be
 * reached ({@link InstanceFailover}), and unreachable instances left out for a while ({@link UnreachableInstances}).
 */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = StaticInstancesConfiguration.class)
class LoadBalancingConfiguration {

    @Bean
    UnreachableInstances unreachableInstances(ServiceInstances instances) {
        return new UnreachableInstances(instances);
    }

    @Bean
    InstanceFailover instanceFailover(ServiceInstances instances) {
        return new InstanceFailover(instances);
    }
}
