package id.desadigital.platform.readmodel;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;

/**
 * A read model as an operator sees it: the generation reads are served from, the rebuild under way if any, and the
 * generation the last rebuild replaced. Offsets are summed over the topic's partitions; {@code behind} is how many
 * offsets a generation's consumer group still has to read to reach the topic's end.
 *
 * @param rebuild null when no rebuild is under way
 * @param retired null before the first rebuild, and from the moment a rebuild begins (it removes it)
 */
public record ReadModelStatus(String name, String topic, Active active, Rebuild rebuild, Retired retired) {

    /** @param since when this generation replaced the one before it; null for generation 0 */
    public record Active(long generation, String collection, String consumerGroup, Instant since, long behind) {
    }

    /** @param read offsets read since the topic's start */
    public record Rebuild(long generation, String collection, String consumerGroup, Instant requestedAt,
            String requestedBy, long read, long behind) {
    }

    public record Retired(long generation, String collection, String consumerGroup) {
    }

    static long read(Map<TopicPartition, Long> committed) {
        return committed.values().stream().mapToLong(Long::longValue).sum();
    }

    static long behind(Collection<TopicPartition> partitions, Map<TopicPartition, Long> ends,
            Map<TopicPartition, Long> committed) {
        return partitions.stream()
                .mapToLong(partition -> Math.max(0, ends.getOrDefault(partition, 0L)
                        - committed.getOrDefault(partition, 0L)))
                .sum();
    }
}
