package id.desadigital.platform.readmodel;

import reactor.core.publisher.Mono;

/**
 * Where a read model is read from at this moment: the collection of its active generation ({@link ReadModelFeed}).
 * What reads a read model needs only this, so it can be given a fixed collection where no feed runs.
 */
@FunctionalInterface
public interface ReadModelSource {

    Mono<String> collection();
}
