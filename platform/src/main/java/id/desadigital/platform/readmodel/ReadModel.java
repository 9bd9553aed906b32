package id.desadigital.platform.readmodel;

import java.util.function.Function;

import org.springframework.kafka.listener.BatchMessageListener;

import reactor.core.publisher.Mono;

/**
 * A read model a service builds from one topic, as the platform needs to know it to feed it and to rebuild it
 * ({@link ReadModelFeed}).
 *
 * @param name what operators call it ({@code budget-figures}): the key of its state in {@code read_models}, the
 *     last segment of its API path, and part of its later generations' consumer group names
 * @param topic the topic it is built from, every event since the first
 * @param collection the collection of generation 0, the one the service always had; generation {@code n} lives in
 *     {@code <collection>_<n>}
 * @param concurrency listener threads per instance (more than the topic's partitions would sit idle)
 * @param listener the batch listener that applies the topic's records to the collection it is given
 * @param prepare what a collection needs before its listener starts writing (its indexes); idempotent, as it runs
 *     at every start
 */
public record ReadModel(
        String name,
        String topic,
        String collection,
        int concurrency,
        Function<String, BatchMessageListener<String, String>> listener,
        Function<String, Mono<Void>> prepare) {

    /** Where generation {@code generation} keeps the model. */
    public String collection(long generation) {
        return generation == 0 ? collection : collection + "_" + generation;
    }
}
