package id.desadigital.gateway.health;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.web.reactive.function.client.WebClient;

import id.desadigital.gateway.services.ServiceInstances;
import id.desadigital.gateway.services.ServiceProperties;

/**
 * The gateway is healthy only while its store and both services are (each with at least one instance up): the
 * launcher and load balancers ask the gateway alone.
 * Bean names become the component names in the health answer ({@code villageService}, {@code budgetService}).
 */
@Configuration(proxyBeanMethods = false)
class ServiceHealthConfiguration {

    /** Named so that Boot's own {@code mongo} indicator backs off (its condition is on this bean name). */
    @Bean
    MongoPingHealthIndicator mongoHealthIndicator(ReactiveMongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    @Bean
    ServiceHealthIndicator villageServiceHealthIndicator(WebClient serviceWebClient, ServiceInstances instances,
            ServiceProperties services) {
        return new ServiceHealthIndicator(serviceWebClient, instances.all(ServiceInstances.VILLAGE_SERVICE),
                services.healthTimeout());
    }

    @Bean
    ServiceHealthIndicator budgetServiceHealthIndicator(WebClient serviceWebClient, ServiceInstances instances,
            ServiceProperties services) {
        return new ServiceHealthIndicator(serviceWebClient, instances.all(ServiceInstances.BUDGET_SERVICE),
                services.healthTimeout());
    }
}
