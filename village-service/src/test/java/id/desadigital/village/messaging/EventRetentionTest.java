package id.desadigital.village.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

import id.desadigital.contracts.Topics;
import id.desadigital.village.support.VillageServiceTest;

/**
 * The event topics keep every event, so that a read model can be rebuilt from its topic's start, whatever the
 * broker's own retention (a week by default). village-events already existed with the broker's defaults when this
 * service started ({@code @EmbeddedKafka} creates it), as it would on a broker that predates the setting: the service
 * brought it to the declared configuration.
 */
class EventRetentionTest extends VillageServiceTest {

    @Test
    void theEventTopicsKeepTheirEventsForEver() throws InterruptedException, ExecutionException, TimeoutException {
        List<String> topics = List.of(Topics.VILLAGE_EVENTS, Topics.BUDGET_EVENTS,
                Topics.deadLetter(Topics.BUDGET_EVENTS));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString()))) {
            Map<ConfigResource, Config> configs = admin.describeConfigs(topics.stream()
                    .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic)).toList())
                    .all().get(30, TimeUnit.SECONDS);

            configs.forEach((topic, config) -> assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value())
                    .as("retention.ms of %s", topic.name()).isEqualTo("-1"));
            assertThat(configs).hasSize(3);
        }
    }
}
