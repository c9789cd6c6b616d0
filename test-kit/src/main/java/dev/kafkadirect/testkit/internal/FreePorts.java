package dev.kafkadirect.testkit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Finds loopback ports that are free right now, all distinct. */
public final class FreePorts {
    private FreePorts() {
    }

    /**
     * Returns {@code count} distinct free ports on 127.0.0.1.
     *
     * @param count how many ports
     * @return the ports, in the order they were found
     */
    public static List<Integer> allocate(int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(socket);
                ports.add(socket.getLocalPort());
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find " + count + " free loopback ports", e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // Closing a listening socket we just opened does not fail in practice.
                }
            }
        }
    }
}
