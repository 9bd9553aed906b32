package id.desadigital.platform.testing;

import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * Lets a test hold the Kafka listener containers started while {@link #HOLD} is set (a rebuild's new generation),
 * paused until the test resumes them. Boot's listener container factory applies the customizer to every container,
 * the read models' included.
 */
@TestConfiguration(proxyBeanMethods = false)
public class HeldListenerContainers {

    public static final AtomicBoolean HOLD = new AtomicBoolean();

    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> holdWhenAsked() {
        return container -> {
            if (HOLD.get()) {
                container.pause();
            }
        };
    }
}
