package id.desadigital.budget;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;

import id.desadigital.platform.testing.Scrapes;
import id.desadigital.platform.testing.ThreadDumpOnTimeout;

/**
 * The whole service against a real (embedded, KRaft) Kafka broker and the MongoDB stand-in, with the token check
 * trusting {@code TestTokens}. Every test class with this annotation shares one Spring context and one broker.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.mongodb.database=budget-test",
        "desa.kafka.partitions=2",
        "logging.level.kafka=WARN",
        "logging.level.org.apache.kafka=WARN",
        "logging.level.state.change.logger=WARN",
        Scrapes.PROPERTY,
        Scrapes.SAMPLE_ALL})
@ContextConfiguration(initializers = TestStores.class)
// 30 s, not the default 5 s: on a busy two-core CI machine a request that imports or writes can take longer
// without being wrong; a hang still fails.
@AutoConfigureWebTestClient(timeout = "30s")
@EmbeddedKafka
@Import(ConnectionPerRequest.class)
@ExtendWith(ThreadDumpOnTimeout.class)
public @interface BudgetServiceTest {
}
