package dev.kafkadirect.testkit.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Paths;

/**
 * Entry point of a PostgreSQL child JVM started by the Kafka Direct test kit ({@code PostgresServer}).
 *
 * <p>It unpacks the embedded PostgreSQL binaries into the given folder (unless an earlier run left them there),
 * starts the server on the given loopback port with a fresh data directory and TCP connections only, and prints
 * {@value #READY} followed by the port. Standard input is a pipe from the parent JVM: when it closes (the parent
 * stopped the child or died, even by {@code kill -9}), this JVM exits through {@link System#exit(int)}, whose
 * shutdown hook stops the server, so no PostgreSQL outlives the tests. SIGTERM stops it the same way.
 *
 * <pre>{@code java -cp <postgres classpath> dev.kafkadirect.testkit.postgres.PostgresMain <port> <data dir> <binaries dir>}</pre>
 */
public final class PostgresMain {
    /** The line prefix that says the server accepts connections. */
    public static final String READY = "PostgreSQL ready on port ";
    /** Where the test kit finds the list of this child's runtime jars (relative to the Maven repository). */
    public static final String CLASSPATH_LISTING = "dev/kafkadirect/testkit/postgres/classpath.txt";
    /** Exit status when the parent JVM went away. */
    static final int PARENT_GONE = 3;
    /** Exit status when the server did not start. */
    static final int START_FAILED = 4;

    private PostgresMain() {
    }

    /**
     * Starts the server and keeps it running until the parent goes away or the JVM is asked to stop.
     *
     * @param args the port, the data directory (created, emptied) and the folder the binaries are unpacked in
     */
    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: PostgresMain <port> <data dir> <binaries dir>");
            System.exit(2);
        }
        EmbeddedPostgres server;
        try {
            server = EmbeddedPostgres.builder()
                    .setPort(Integer.parseInt(args[0]))
                    .setDataDirectory(Paths.get(args[1]))
                    .setCleanDataDirectory(true)
                    .setOverrideWorkingDirectory(Paths.get(args[2]).toFile())
                    // TCP only: no socket file in /tmp, which is not the test's temporary directory.
                    .setServerConfig("unix_socket_directories", "")
                    .setRegisterShutdownHook(false)
                    .start();
        } catch (IOException | RuntimeException e) {
            System.err.println("PostgreSQL did not start from the embedded binaries:");
            e.printStackTrace();
            System.exit(START_FAILED);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server), "stop-postgres"));
        System.out.println(READY + server.getPort());
        System.out.flush();
        awaitParentGone(System.in);
        System.err.println("Parent JVM gone or stopping: stopping PostgreSQL");
        System.exit(PARENT_GONE);
    }

    private static void awaitParentGone(InputStream parentPipe) {
        byte[] buffer = new byte[256];
        try {
            while (parentPipe.read(buffer) >= 0) {
                // The parent never writes; any bytes are ignored.
            }
        } catch (IOException closed) {
            // A broken pipe means the same as end of stream.
        }
    }

    private static void stop(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException e) {
            System.err.println("PostgreSQL did not stop cleanly: " + e);
        }
    }
}
