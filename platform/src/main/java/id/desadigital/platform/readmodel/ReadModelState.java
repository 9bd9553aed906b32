package id.desadigital.platform.readmodel;

import java.time.Instant;

import org.springframework.data.annotation.Id;

/**
 * Which generation of a read model the service reads, and which one is being rebuilt: one small document per read
 * model in {@code read_models}, the pointer every instance follows. It only ever changes by a compare-and-set on
 * {@code revision}, so two instances can neither both start a rebuild nor both switch.
 *
 * @param name the read model's name, the document's id
 * @param revision how often the document changed; the compare-and-set's guard
 * @param active the generation reads are served from
 * @param activeSince when that generation became the one read; null for generation 0
 * @param building the generation being rebuilt from the topic's start; null when no rebuild is under way
 * @param requestedAt when the rebuild under way (or the last one) was asked for
 * @param requestedBy who asked for it (the token's subject)
 * @param retired the generation the last switch replaced, whose collection and consumer group are kept until the
 *     next rebuild begins (to compare, or to look into); null when there is none
 */
record ReadModelState(
        @Id String name,
        long revision,
        long active,
        Instant activeSince,
        Long building,
        Instant requestedAt,
        String requestedBy,
        Long retired) {

    static final String COLLECTION = "read_models";
    static final String REVISION = "revision";

    /** Before the first rebuild: generation 0, the collection and consumer group the service always had. */
    static ReadModelState initial(String name) {
        return new ReadModelState(name, 0, 0, null, null, null, null, null);
    }

    /** A rebuild into the next generation, asked for by {@code actor}; the retired generation is gone by then. */
    ReadModelState rebuilding(String actor, Instant at) {
        return new ReadModelState(name, revision + 1, active, activeSince, active + 1, at, actor, null);
    }

    /** The rebuilt generation read from now on; the one it replaces is kept as retired. */
    ReadModelState switched(Instant at) {
        return new ReadModelState(name, revision + 1, building, at, null, requestedAt, requestedBy, active);
    }

    boolean isRebuilding() {
        return building != null;
    }
}
