package id.desadigital.launcher.store;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * The value type of the store's document maps: each document written as BSON, the form it arrived in.
 * <p>
 * Why: mongo-java-server opens its document maps with H2's default {@code ObjectDataType}, to which a document is
 * an unknown class, so every document stored or read went through Java serialization (class descriptors, a
 * handle table, boxed values). Measured under the ledger's write load, that serialization was about a quarter of
 * the store's CPU time. BSON keeps every type the wire carries, so a document reads back exactly as written.
 */
final class BsonDocumentDataType extends BasicDataType<Document> {

    static final BsonDocumentDataType INSTANCE = new BsonDocumentDataType();

    /** What H2's page cache is told an object and a value cost beyond their contents (its own rough figures). */
    private static final int OBJECT_OVERHEAD = 48;
    private static final int VALUE_OVERHEAD = 24;

    private BsonDocumentDataType() {
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = Unpooled.buffer();
        try {
            BsonEncoder.encodeDocument(document, bson);
            int length = bson.readableBytes();
            buffer.putVarInt(length);
            buffer.put(bson.array(), bson.arrayOffset() + bson.readerIndex(), length);
        } finally {
            bson.release();
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        int length = DataUtils.readVarInt(buffer);
        byte[] bson = new byte[length];
        buffer.get(bson);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    /** Documents are values, never keys, and never sorted: H2 only asks whether two are equal. */
    @Override
    public int compare(Document a, Document b) {
        return a.equals(b) ? 0 : 1;
    }

    @Override
    public int getMemory(Document document) {
        return estimate(document);
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }

    /** The page cache's estimate: the document's strings and values, walked without encoding it. */
    private static int estimate(Object value) {
        if (value instanceof Map<?, ?> map) {
            int memory = OBJECT_OVERHEAD;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                memory += estimate(entry.getKey()) + estimate(entry.getValue());
            }
            return memory;
        }
        if (value instanceof Collection<?> values) {
            int memory = OBJECT_OVERHEAD;
            for (Object element : values) {
                memory += estimate(element);
            }
            return memory;
        }
        if (value instanceof CharSequence text) {
            return OBJECT_OVERHEAD + 2 * text.length();
        }
        return VALUE_OVERHEAD;
    }
}
