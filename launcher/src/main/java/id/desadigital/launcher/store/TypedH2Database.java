package id.desadigital.launcher.store;

import java.util.List;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;

/**
 * An H2 database of mongo-java-server whose maps are typed: unique indexes keep their keys by
 * {@link KeyValueDataType}, collections their documents as BSON ({@link BsonDocumentDataType}). Those maps are
 * written in a different format from the stock ones, so they get their own names; a data directory written before
 * them has its maps copied over once, when first opened.
 */
final class TypedH2Database extends H2Database {

    private static final Logger log = LoggerFactory.getLogger(TypedH2Database.class);

    /** Appended to mongo-java-server's name of an index map. */
    private static final String TYPED_SUFFIX = ".typed";
    /** Appended to mongo-java-server's name of a collection's document map. */
    private static final String BSON_SUFFIX = ".bson";
    /** mongo-java-server's prefixes of a collection's document map and of its metadata map. */
    private static final String DOCUMENTS_PREFIX = "databases.";
    private static final String META_PREFIX = "meta.";

    private final MVStore store;
    private final CursorRegistry cursors;

    TypedH2Database(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
        super(databaseName, store, cursorRegistry);
        this.store = store;
        this.cursors = cursorRegistry;
        super.initializeNamespacesAndIndexes();
    }

    /**
     * H2Database's constructor opens the collections and indexes before this class has its fields; they are
     * opened at the end of this class's constructor instead.
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
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String namespace = getFullCollectionNamespace(collectionName);
        MVMap<Object, Document> documents = store.openMap(DOCUMENTS_PREFIX + namespace + BSON_SUFFIX,
            new MVMap.Builder<Object, Document>().valueType(BsonDocumentDataType.INSTANCE));
        String stockName = DOCUMENTS_PREFIX + namespace;
        if (store.hasMap(stockName)) {
            MVMap<Object, Document> stock = store.openMap(stockName);
            log.info("Moving collection {} ({} documents) to its BSON map", namespace, stock.sizeAsLong());
            documents.putAll(stock);
            store.removeMap(stock);
        }
        MVMap<String, Object> meta = store.openMap(META_PREFIX + namespace);
        return new H2Collection(this, collectionName, options, documents, meta, cursors);
    }

    @Override
    public void dropCollection(String collectionName, Oplog oplog) {
        super.dropCollection(collectionName, oplog);
        store.removeMap(DOCUMENTS_PREFIX + getFullCollectionNamespace(collectionName) + BSON_SUFFIX);
    }

    @Override
    public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
        String oldName = DOCUMENTS_PREFIX + collection.getFullName() + BSON_SUFFIX;
        super.moveCollection(oldDatabase, collection, newCollectionName);
        if (store.hasMap(oldName)) {
            store.renameMap(store.openMap(oldName), DOCUMENTS_PREFIX + collection.getDatabaseName() + "."
                + newCollectionName + BSON_SUFFIX);
        }
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
