package id.desadigital.gateway.support;

import java.net.InetSocketAddress;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * One in-memory MongoDB wire-protocol server per test JVM, shared by every cached Spring context. Tests that need
 * a clean slate use a database of their own rather than a server of their own.
 */
public final class MongoStandIn {

    private static final MongoServer SERVER = start();

    private MongoStandIn() {
    }

    public static String uri() {
        InetSocketAddress address = SERVER.getLocalAddress();
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    private static MongoServer start() {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "mongo-stand-in-stop"));
        return server;
    }
}
