package dev.kafkadirect.testkit;

import dev.kafkadirect.testkit.internal.FreePorts;
import dev.kafkadirect.testkit.internal.GssapiBrokerSettings;
import dev.kafkadirect.testkit.internal.KdcProcess;
import dev.kafkadirect.testkit.internal.RecursiveDelete;
import dev.kafkadirect.testkit.kdc.KdcMain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * A real Kerberos KDC for tests (Apache Kerby), in a child JVM of its own on a free loopback TCP port, with a
 * {@code krb5.conf} that clients and brokers point {@code java.security.krb5.conf} at.
 *
 * <pre>{@code
 * try (KerberosKdc kdc = KerberosKdc.start()) {
 *     KerberosIdentity alice = kdc.createIdentity("alice");
 *     // kafkaParams: sasl.mechanism=GSSAPI, sasl.jaas.config=alice.jaasConfig() ...
 * }
 * }</pre>
 *
 * <p>Principals get random keys, written to keytabs in the KDC's own folder, which {@link #close()} deletes with
 * the KDC's database; the child also stops when this JVM exits, even by {@code kill -9}. Thread-safe.
 */
public final class KerberosKdc implements AutoCloseable {
    /** The realm of every KDC of the kit. */
    public static final String REALM = "KAFKADIRECT.TEST";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final KdcProcess process;
    private final Path workDirectory;
    private final int port;
    private final Set<String> principals = new HashSet<>();
    private KerberosIdentity brokerIdentity;
    private boolean closed;

    private KerberosKdc(KdcProcess process, Path workDirectory, int port) {
        this.process = process;
        this.workDirectory = workDirectory;
        this.port = port;
    }

    /**
     * @return a running KDC; stop it with {@link #close()}
     * @throws IllegalStateException quoting the KDC's log when it did not start
     */
    public static KerberosKdc start() {
        Path workDirectory;
        try {
            workDirectory = Files.createTempDirectory("kafka-direct-kdc-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a folder for the KDC in java.io.tmpdir", e);
        }
        int port = FreePorts.allocate(1).get(0);
        try {
            return new KerberosKdc(KdcProcess.start(workDirectory, REALM, port, START_TIMEOUT), workDirectory, port);
        } catch (RuntimeException e) {
            RecursiveDelete.delete(workDirectory);
            throw e;
        }
    }

    /** @return the realm, {@value #REALM} */
    public String realm() {
        return REALM;
    }

    /** @return the KDC's TCP port on 127.0.0.1 */
    public int port() {
        return port;
    }

    /** @return the Kerberos configuration for clients: the value of {@code -Djava.security.krb5.conf} */
    public Path krb5Conf() {
        return workDirectory.resolve(KdcMain.KRB5_CONF);
    }

    /**
     * Creates a principal with a random key and a keytab holding it.
     *
     * @param name the principal without the realm, e.g. {@code alice} or {@code kafka/127.0.0.1}
     * @return the principal (with the realm) and its keytab
     * @throws IllegalArgumentException when the KDC already has this principal
     */
    public synchronized KerberosIdentity createIdentity(String name) {
        if (closed) {
            throw new IllegalStateException("The KDC is closed");
        }
        if (!principals.add(name)) {
            throw new IllegalArgumentException("The KDC already has the principal " + name);
        }
        String principal = name + "@" + REALM;
        Path keytab = workDirectory.resolve("keytabs").resolve(name.replaceAll("[^A-Za-z0-9_.-]", "_") + ".keytab");
        try {
            Files.createDirectories(keytab.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the keytab folder " + keytab.getParent(), e);
        }
        process.createPrincipal(principal, keytab);
        return new KerberosIdentity(principal, keytab);
    }

    /**
     * Removes a principal from the KDC, as an administrator would for a user who left: its keytab stays, and
     * logins with it fail with "Client not found in Kerberos database". It cannot be created again.
     *
     * @param identity a principal of this KDC
     */
    public synchronized void deleteIdentity(KerberosIdentity identity) {
        if (closed) {
            throw new IllegalStateException("The KDC is closed");
        }
        process.deletePrincipal(identity.principal());
    }

    /**
     * @return the principal every broker of a {@link KafkaClusterBuilder#kerberos(KerberosKdc)} cluster logs in as,
     *     {@code kafka/<host>}, made on first use: {@code <host>} is the name this machine gives 127.0.0.1 (the
     *     Kafka client names the service after the host it reached, as the JDK resolves it)
     */
    public synchronized KerberosIdentity brokerIdentity() {
        if (brokerIdentity == null) {
            brokerIdentity = createIdentity(GssapiBrokerSettings.SERVICE_NAME + "/" + loopbackHostName());
        }
        return brokerIdentity;
    }

    /**
     * Points this JVM's Kerberos at this KDC ({@code java.security.krb5.conf}), for clients that log in here, such
     * as a local-mode Spark's driver and executors. Other JVMs get {@code -Djava.security.krb5.conf=}{@link
     * #krb5Conf()}.
     */
    public void configureThisJvm() {
        System.setProperty("java.security.krb5.conf", krb5Conf().toString());
    }

    private static String loopbackHostName() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1}).getHostName();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("Cannot make the address 127.0.0.1", e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            process.stop();
        } finally {
            RecursiveDelete.delete(workDirectory);
        }
    }
}
