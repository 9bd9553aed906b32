package id.desadigital.budget.village;

import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import id.desadigital.budget.messaging.MessagingProperties;
import id.desadigital.contracts.EventCodec;
import id.desadigital.contracts.Topics;

/**
 * Feeds the village view from {@code village-events}. Failures are left to the container's error handler: a
 * message that breaks the contract is dead-lettered at once, anything else retried with back-off.
 */
@Component
class VillageEventListener {

    static final String LISTENER_ID = "budget-village-events";

    private static final Logger log = LoggerFactory.getLogger(VillageEventListener.class);

    private final EventCodec codec;
    private final VillageProjection projection;
    private final Duration handlingTimeout;

    VillageEventListener(EventCodec villageEventCodec, VillageProjection projection, MessagingProperties properties) {
        this.codec = villageEventCodec;
        this.projection = projection;
        this.handlingTimeout = properties.consumer().handlingTimeout();
    }

    @KafkaListener(id = LISTENER_ID, idIsGroup = false, topics = Topics.VILLAGE_EVENTS)
    void onVillageEvent(ConsumerRecord<String, String> record) {
        VillageEvent event = decode(record);
        // Waiting here is deliberate and safe: this is a Kafka container thread (never a Netty event loop), one
        // per assigned partition group, and it must not take the next record of a partition before this one is
        // stored, or a village's events could be applied out of order. The offset is committed only after this
        // returns, so a crash between the write and the commit means a redelivery, which the projection ignores.
        VillageProjection.Outcome outcome = projection.apply(event).block(handlingTimeout);
        log.debug("{} {} of village {} (sequence {}): {}", record.topic(), event.eventId(), event.code(),
                event.sequence(), outcome);
    }

    private VillageEvent decode(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            throw new RejectedVillageEvent("message at offset " + record.offset() + " has no value");
        }
        VillageEvent event = VillageEvent.from(codec.decode(record.value()));
        if (record.key() != null && !record.key().equals(event.code())) {
            throw new RejectedVillageEvent("message key " + record.key() + " differs from the event's village "
                    + event.code());
        }
        return event;
    }
}
