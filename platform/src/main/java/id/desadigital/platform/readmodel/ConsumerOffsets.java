package id.desadigital.platform.readmodel;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.publisher.Mono;

/** What the broker says about a topic and the consumer groups reading it, through the admin client. */
final class ConsumerOffsets {

    private static final Logger log = LoggerFactory.getLogger(ConsumerOffsets.class);

    private final AdminClient admin;
    private final Duration timeout;

    ConsumerOffsets(AdminClient admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    /** The topic's partitions. */
    Mono<List<TopicPartition>> partitions(String topic) {
        return from(() -> admin.describeTopics(List.of(topic)).allTopicNames())
                .map(topics -> topics.get(topic).partitions().stream()
                        .map(partition -> new TopicPartition(topic, partition.partition()))
                        .toList());
    }

    /**
     * Where the group stands on each partition of {@code topic}: the offset of the next record it will read (what
     * it committed), 0 where it committed nothing. A group that does not exist (yet) stands at 0 everywhere.
     */
    Mono<Map<TopicPartition, Long>> committed(String group, Collection<TopicPartition> partitions) {
        return from(() -> admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata())
                .onErrorResume(GroupIdNotFoundException.class, absent -> Mono.just(Map.of()))
                .map(offsets -> partitions.stream().collect(Collectors.toMap(Function.identity(), partition -> {
                    OffsetAndMetadata offset = offsets.get(partition);
                    return offset == null ? 0L : offset.offset();
                })));
    }

    /** The first offset each partition still holds: 0 unless retention or a deletion removed its first records. */
    Mono<Map<TopicPartition, Long>> starts(Collection<TopicPartition> partitions) {
        return offsets(partitions, OffsetSpec.earliest());
    }

    /**
     * The end of each partition as a read_committed consumer (the services' setting) sees it: the offset the next
     * record will get, past any transaction still open.
     */
    Mono<Map<TopicPartition, Long>> ends(Collection<TopicPartition> partitions) {
        return offsets(partitions, OffsetSpec.latest());
    }

    private Mono<Map<TopicPartition, Long>> offsets(Collection<TopicPartition> partitions, OffsetSpec spec) {
        Map<TopicPartition, OffsetSpec> wanted = new HashMap<>();
        partitions.forEach(partition -> wanted.put(partition, spec));
        return from(() -> admin.listOffsets(wanted, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all())
                .map(offsets -> offsets.entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset())));
    }

    /**
     * Deletes a group nobody reads with any more, with its committed offsets. One that still has members (an
     * instance that has not followed the switch yet) or is already gone is left as it is: the broker drops the
     * offsets of an empty group by itself after {@code offsets.retention.minutes}.
     */
    Mono<Void> delete(String group) {
        return from(() -> admin.deleteConsumerGroups(List.of(group)).all())
                .onErrorResume(GroupIdNotFoundException.class, gone -> Mono.empty())
                .onErrorResume(GroupNotEmptyException.class, inUse -> {
                    log.warn("Consumer group {} still has members; its offsets stay until the broker drops them",
                            group);
                    return Mono.empty();
                })
                .then();
    }

    /** Asks the broker when subscribed to, not when assembled. */
    private <T> Mono<T> from(Supplier<KafkaFuture<T>> request) {
        return Mono.fromCompletionStage(() -> request.get().toCompletionStage()).timeout(timeout);
    }
}
