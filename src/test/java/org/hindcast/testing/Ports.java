package org.hindcast.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/** Ports for a service a test starts as a process of its own. */
public final class Ports {

    private Ports() {
    }

    /**
     * A port free now, below the kernel's ephemeral range (32768 and up on Linux, 49152 and up on macOS). A port from
     * {@code new ServerSocket(0)} is taken from that range, where the client sockets of every process on the machine
     * (the service's own database connections among them) get theirs: one of them can take it before the service
     * binds it, and the service then fails to start with "port in use".
     */
    public static int free() throws IOException {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20_000, 32_000);
            try (ServerSocket s = new ServerSocket()) {
                s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no free port found between 20000 and 32000");
    }
}
