package id.desadigital.launcher.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * Unique indexes keyed by {@link KeyValueDataType} and documents stored as BSON: same answers as before, and old
 * data files still open.
 */
class TypedMapsTest {

    @TempDir
    Path dataDir;

    @Test
    void keysSurviveTheFileWithTheirEqualityAndOrder() {
        var type = KeyValueDataType.INSTANCE;
        List<KeyValue> keys = List.of(
            new KeyValue("33.03.01.2001"),
            new KeyValue(List.of("33.03.01.2001", 7L)),
            new KeyValue(Missing.getInstance()),
            new KeyValue(new de.bwaldvogel.mongo.bson.Document("program", "P-1").append("village", "33.03.01.2001")),
            new KeyValue(42),
            new KeyValue(2.5));
        WriteBuffer buffer = new WriteBuffer();
        keys.forEach(key -> type.write(buffer, key));
        ByteBuffer written = buffer.getBuffer();
        written.flip();
        List<KeyValue> read = new ArrayList<>();
        keys.forEach(key -> read.add(type.read(written)));

        for (int i = 0; i < keys.size(); i++) {
            assertThat(type.compare(keys.get(i), read.get(i))).as("key %s", keys.get(i)).isZero();
            assertThat(read.get(i)).hasToString(keys.get(i).toString());
        }
        assertThat(type.compare(new KeyValue("33.03.01.2001"), new KeyValue("33.03.01.2002"))).isNegative();
        assertThat(type.compare(new KeyValue(List.of("a", 2L)), new KeyValue(List.of("a", 10L)))).isNegative();
        // Different types stay different keys, as they were when keys were compared as serialized bytes.
        assertThat(type.compare(new KeyValue(1), new KeyValue(1L))).isNotZero();
    }

    @Test
    void documentsSurviveTheFileWithEveryValueAsWritten() {
        var type = BsonDocumentDataType.INSTANCE;
        de.bwaldvogel.mongo.bson.Document document = new de.bwaldvogel.mongo.bson.Document("_id", "33.03.01.2001")
            .append("revision", 7L).append("count", 3).append("rate", 0.25).append("active", true)
            .append("closedAt", null).append("occurredAt", java.time.Instant.parse("2026-03-02T08:00:00Z"))
            .append("pending", List.of(new de.bwaldvogel.mongo.bson.Document("amount", 6_000_000L)
                .append("category", "DATA"), "text"))
            .append("entryId", new de.bwaldvogel.mongo.bson.ObjectId());
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, document);
        type.write(buffer, new de.bwaldvogel.mongo.bson.Document());
        ByteBuffer written = buffer.getBuffer();
        written.flip();

        assertThat(type.read(written)).isEqualTo(document);
        assertThat(type.read(written)).isEmpty();
        assertThat(written.hasRemaining()).isFalse();
        assertThat(type.compare(document, type.read(bytesOf(document)))).isZero();
        assertThat(type.getMemory(document)).isPositive();
    }

    private static ByteBuffer bytesOf(de.bwaldvogel.mongo.bson.Document document) {
        WriteBuffer buffer = new WriteBuffer();
        BsonDocumentDataType.INSTANCE.write(buffer, document);
        ByteBuffer written = buffer.getBuffer();
        written.flip();
        return written;
    }

    @Test
    void aDataFileWrittenWithStockMapsOpensWithItsDocumentsAndIndexesWhole() {
        Path file = dataDir.resolve("store.mv.db");
        withServer(file, H2Backend::new, client -> {
            MongoCollection<Document> villages = villages(client);
            villages.createIndex(Indexes.ascending("unpublished"), new IndexOptions().unique(true).sparse(true));
            villages.insertOne(new Document("_id", "33.03.01.2001").append("name", "Kembaran Kulon")
                .append("unpublished", "33.03.01.2001"));
            villages.insertOne(new Document("_id", "33.03.01.2002").append("name", "Wirasana"));
            return null;
        });

        withServer(file, DurableH2Backend::new, client -> {
            MongoCollection<Document> villages = villages(client);
            assertThat(villages.find(Filters.eq("_id", "33.03.01.2002")).first()).containsEntry("name", "Wirasana");
            assertThat(villages.find(Filters.regex("_id", Pattern.compile("^33\\.03\\."))).into(new ArrayList<>()))
                .hasSize(2);
            assertThat(villages.find(Filters.regex("unpublished", "^")).into(new ArrayList<>()))
                .extracting(village -> village.get("_id")).containsExactly("33.03.01.2001");
            assertThatThrownBy(() -> villages.insertOne(new Document("_id", "33.03.01.2001")))
                .isInstanceOfSatisfying(MongoWriteException.class,
                    e -> assertThat(e.getError().getCode()).isEqualTo(11000));
            villages.dropIndex("unpublished_1");
            villages.insertOne(new Document("_id", "33.03.01.2003").append("unpublished", "33.03.01.2001"));
            return null;
        });

        MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            assertThat(store.getMapNames())
                .contains("village.villages._index__id_.typed", "databases.village.villages.bson")
                .doesNotContain("databases.village.villages")
                .noneMatch(name -> name.endsWith("._index__id_"))
                .noneMatch(name -> name.contains("unpublished"));
        } finally {
            store.close();
        }
    }

    private static MongoCollection<Document> villages(MongoClient client) {
        return client.getDatabase("village").getCollection("villages");
    }

    private static void withServer(Path file, Function<MVStore, MongoBackend> backend,
            Function<MongoClient, Void> work) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
        MongoServer server = new MongoServer(backend.apply(store));
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + address.getPort())) {
            work.apply(client);
        } finally {
            // Closes the backend, which commits and closes the file.
            server.shutdownNow();
        }
    }
}
