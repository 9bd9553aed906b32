package id.desadigital.launcher.store;

import java.util.List;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Database;

/**
 * An H2 database of mongo-java-server whose unique indexes keep their keys in maps typed by
 * {@link KeyValueDataType}. Those maps are written in a different format from the stock ones, so they get their
 * own names; a data directory written before them has its index maps copied over once, when first opened.
 */
final class TypedIndexH2Database extends H2Database {

    private static final Logger log = LoggerFactory.getLogger(TypedIndexH2Database.class);

    /** Appended to mongo-java-server's name of an index map. */
    private static final String TYPED_SUFFIX = ".typed";

    private final MVStore store;

    TypedIndexH2Database(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
        super(databaseName, store, cursorRegistry);
        this.store = store;
        super.initializeNamespacesAndIndexes();
    }

    /**
     * H2Database's constructor opens the indexes before this class has its store; they are opened at the end of
     * this class's constructor instead.
     */
    @Override
    protected void initializeNamespacesAndIndexes() {
        if (store != null) {
            super.initializeNamespacesAndIndexes();
        }
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
            boolean sparse) {
        String stockName = stockMapName(collectionName, indexName);
        MVMap<KeyValue, Object> map = store.openMap(stockName + TYPED_SUFFIX,
            new MVMap.Builder<KeyValue, Object>().keyType(KeyValueDataType.INSTANCE));
        if (store.hasMap(stockName)) {
            MVMap<KeyValue, Object> stock = store.openMap(stockName);
            log.info("Moving index {} ({} keys) to its typed map", stockName, stock.sizeAsLong());
            map.putAll(stock);
            store.removeMap(stock);
        }
        return new TypedUniqueIndex(map, indexName, keys, sparse);
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
        super.dropIndex(collection, indexName);
        store.removeMap(stockMapName(collection.getCollectionName(), indexName) + TYPED_SUFFIX);
    }

    /** The name mongo-java-server's H2Database gives an index map. */
    private String stockMapName(String collectionName, String indexName) {
        return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
    }
}
