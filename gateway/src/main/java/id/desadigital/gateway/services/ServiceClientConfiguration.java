package id.desadigital.gateway.services;

import java.util.List;

import io.netty.channel.ChannelOption;

import org.springframework.cloud.client.loadbalancer.reactive.ReactorLoadBalancerExchangeFilterFunction;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.netty.http.client.HttpClient;

/** The clients for calls the gateway itself makes to the services (not routed traffic, which has its own). */
@Configuration(proxyBeanMethods = false)
public class ServiceClientConfiguration {

    /** Calls one given instance (health checks). */
    @Bean
    WebClient serviceWebClient(ServiceProperties properties) {
        return builder(properties).build();
    }

    /**
     * Calls a service by name ({@code http://village-service/...}): the load balancer chooses among its instances as
     * it does for routed requests, and learns of one that cannot be reached.
     */
    @Bean
    WebClient loadBalancedServiceWebClient(ServiceProperties properties, LoadBalancerClientFactory loadBalancers) {
        return builder(properties).filter(new ReactorLoadBalancerExchangeFilterFunction(loadBalancers, List.of()))
                .build();
    }

    private static WebClient.Builder builder(ServiceProperties properties) {
        int connectMillis = (int) Math.min(Integer.MAX_VALUE, properties.callTimeout().toMillis());
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectMillis)
                .responseTimeout(properties.callTimeout());
        return WebClient.builder().clientConnector(new ReactorClientHttpConnector(http));
    }
}
