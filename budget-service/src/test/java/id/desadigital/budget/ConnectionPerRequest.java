package id.desadigital.budget;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;

import reactor.netty.http.client.HttpClient;

/**
 * The tests' client opens a new connection per request, as village-service's and the gateway's do
 * ({@code HttpChecks.connectionPerRequest}): Reactor Netty 1.3.6's server can stop reading a kept-alive connection
 * when the next request arrives before the previous one's handling ended (reactor/reactor-netty#4361), and a
 * request then hangs until the client's timeout. These tests are about what the service answers, not connection
 * reuse.
 */
@TestConfiguration(proxyBeanMethods = false)
class ConnectionPerRequest {

    @Bean
    WebTestClientBuilderCustomizer connectionPerRequest() {
        return builder -> builder.clientConnector(new ReactorClientHttpConnector(HttpClient.create().keepAlive(false)));
    }
}
