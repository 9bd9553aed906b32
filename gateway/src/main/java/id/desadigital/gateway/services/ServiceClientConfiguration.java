package id.desadigital.gateway.services;

import io.netty.channel.ChannelOption;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.netty.http.client.HttpClient;

/** The client for calls the gateway itself makes to the services (not routed traffic, which has its own). */
@Configuration(proxyBeanMethods = false)
public class ServiceClientConfiguration {

    @Bean
    WebClient serviceWebClient(ServiceProperties properties) {
        int connectMillis = (int) Math.min(Integer.MAX_VALUE, properties.callTimeout().toMillis());
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectMillis)
                .responseTimeout(properties.callTimeout());
        return WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
    }
}
