package dev.kafkadirect.testkit.internal;

import dev.kafkadirect.testkit.kdc.KdcMain;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The Kerberos KDC child JVM behind {@code KerberosKdc}: runs {@link KdcMain} from its own classpath (listed at
 * build time by {@code kafka-direct-test-kit-kdc}) and sends it commands on its standard input.
 */
public final class KdcProcess {
    private static final int LOG_TAIL_LINES = 40;
    private static final Duration GRACEFUL_STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    private final ChildJvm child;
    private final Path logFile;

    private KdcProcess(ChildJvm child, Path logFile) {
        this.child = child;
        this.logFile = logFile;
    }

    /**
     * Starts the child and waits until the KDC serves requests.
     *
     * @param workDirectory a folder of this KDC's own: its database, {@code krb5.conf} and log go there
     * @param realm the realm
     * @param port the loopback TCP port
     * @param timeout how long start-up may take
     * @return the running child
     * @throws IllegalStateException quoting the child's log when it exited or was not ready in time
     */
    public static KdcProcess start(Path workDirectory, String realm, int port, Duration timeout) {
        Path logFile = workDirectory.resolve("kdc.log");
        try {
            Files.createDirectories(workDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the KDC folder " + workDirectory, e);
        }
        List<String> command = ChildJvm.javaCommand();
        command.add("-Xmx128m");
        command.add("-cp");
        command.add(classpath());
        command.add(KdcMain.class.getName());
        command.add(workDirectory.toString());
        command.add(realm);
        command.add(String.valueOf(port));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        KdcProcess process = new KdcProcess(ChildJvm.start(builder, "the Kerberos KDC"), logFile);
        try {
            LogLineWait.await(process.child::process, logFile, KdcMain.READY + port, timeout,
                    "The Kerberos KDC on port " + port, LOG_TAIL_LINES);
            return process;
        } catch (RuntimeException e) {
            process.child.kill();
            throw e;
        }
    }

    /**
     * Creates a principal with a random key and writes its keytab.
     *
     * @param principal the principal, with or without the realm
     * @param keytab the keytab file to write (replaced if it exists)
     * @throws IllegalStateException quoting the KDC's log when it refused or did not answer in time
     */
    public synchronized void createPrincipal(String principal, Path keytab) {
        if (principal.contains(" ") || principal.contains("\n")) {
            throw new IllegalArgumentException("A Kerberos principal has no spaces or line ends: '" + principal + "'");
        }
        child.send("principal " + principal + " " + keytab.toAbsolutePath());
        String answer = LogLineWait.awaitEither(child::process, logFile, KdcMain.CREATED + "[" + principal + "]",
                KdcMain.FAILED + "principal [" + principal + "]", COMMAND_TIMEOUT, "The Kerberos KDC", LOG_TAIL_LINES);
        if (answer.contains(KdcMain.FAILED)) {
            throw new IllegalStateException("The Kerberos KDC could not create " + principal + ": " + answer);
        }
    }

    /**
     * Removes a principal from the KDC; keytabs made for it stay.
     *
     * @param principal the principal, as it was created
     * @throws IllegalStateException quoting the KDC's answer when it refused or did not answer in time
     */
    public synchronized void deletePrincipal(String principal) {
        child.send("delete " + principal);
        String answer = LogLineWait.awaitEither(child::process, logFile, KdcMain.DELETED + "[" + principal + "]",
                KdcMain.FAILED + "delete [" + principal + "]", COMMAND_TIMEOUT, "The Kerberos KDC", LOG_TAIL_LINES);
        if (answer.contains(KdcMain.FAILED)) {
            throw new IllegalStateException("The Kerberos KDC could not delete " + principal + ": " + answer);
        }
    }

    /** Stops the KDC, killing it if it takes longer than 10 s. */
    public void stop() {
        child.stop(GRACEFUL_STOP_TIMEOUT);
    }

    private static String classpath() {
        List<String> entries = new ArrayList<>();
        entries.add(RepositoryListing.codeSource(KdcMain.class).toString());
        RepositoryListing.jars(RepositoryListing.read(KdcMain.class, KdcMain.CLASSPATH_LISTING),
                jar -> "The Kerby jar " + jar + " is not in the local Maven repository "
                        + RepositoryListing.localRepository() + ". Build the test kit once (./mvnw -pl test-kit -am"
                        + " package) to fetch it.").forEach(jar -> entries.add(jar.toString()));
        return String.join(File.pathSeparator, entries);
    }
}
