package id.desadigital.launcher.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import de.bwaldvogel.mongo.bson.Document;

/** Which wire commands the store commits before replying to. */
class WritingCommandsTest {

    @Test
    void writesAndSchemaChangesAreCommitted() {
        for (String command : List.of("insert", "update", "delete", "findAndModify", "create", "createIndexes",
            "drop", "dropIndexes", "dropDatabase", "renameCollection")) {
            assertThat(DurableH2Backend.writes(command, new Document())).as(command).isTrue();
        }
    }

    @Test
    void anAggregationWritesOnlyThroughOutOrMerge() {
        Document grouping = new Document("pipeline", List.of(new Document("$group", new Document("_id", "$village"))));
        Document out = new Document("pipeline", List.of(new Document("$match", new Document()),
            new Document("$out", "realization")));
        Document merge = new Document("pipeline", List.of(new Document("$merge", new Document("into", "totals"))));

        assertThat(DurableH2Backend.writes("aggregate", grouping)).isFalse();
        assertThat(DurableH2Backend.writes("aggregate", out)).isTrue();
        assertThat(DurableH2Backend.writes("aggregate", merge)).isTrue();
    }

    @Test
    void readsAreNot() {
        for (String command : List.of("find", "count", "distinct", "getMore", "listCollections", "listIndexes",
            "isMaster", "ping")) {
            assertThat(DurableH2Backend.writes(command, new Document())).as(command).isFalse();
        }
    }
}
