package id.desadigital.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** Ready once something accepts TCP connections on a loopback port (the store, the broker). */
public record TcpPortProbe(int port, Duration connectTimeout) implements ReadinessProbe {

    /** A local connect either succeeds or is refused at once; the timeout only guards a stuck accept queue. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofMillis(500);

    public TcpPortProbe(int port) {
        this(port, DEFAULT_CONNECT_TIMEOUT);
    }

    @Override
    public boolean isReady() {
        return isListening(port, connectTimeout);
    }

    @Override
    public String description() {
        return "TCP port " + port;
    }

    static boolean isListening(int port, Duration connectTimeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                Math.toIntExact(connectTimeout.toMillis()));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
