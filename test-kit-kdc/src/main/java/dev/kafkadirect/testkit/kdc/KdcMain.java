package dev.kafkadirect.testkit.kdc;

import org.apache.kerby.kerberos.kerb.KrbException;
import org.apache.kerby.kerberos.kerb.server.SimpleKdcServer;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Entry point of a Kerberos KDC child JVM started by the Kafka Direct test kit ({@code KerberosKdc}).
 *
 * <p>It starts Apache Kerby's KDC for one realm on a loopback TCP port (no UDP), writes a {@code krb5.conf} for
 * clients into its work folder and prints {@value #READY} followed by the port. Standard input is a pipe from the
 * parent JVM, which sends one command per line:
 * <pre>{@code principal <name> <keytab file>}</pre>
 * creates the principal with a random key and writes its keytab, then prints {@value #CREATED} with the name in
 * brackets (or {@value #FAILED} and the reason);
 * <pre>{@code delete <name>}</pre>
 * removes a principal (its keytab stays, as a user's would) and prints {@value #DELETED} with the name. When the pipe closes (the parent stopped the child or died, even
 * by {@code kill -9}) this JVM exits, so no KDC outlives the tests.
 *
 * <pre>{@code java -cp <kdc classpath> dev.kafkadirect.testkit.kdc.KdcMain <work dir> <realm> <port>}</pre>
 */
public final class KdcMain {
    /** The line prefix that says the KDC serves requests. */
    public static final String READY = "Kerberos KDC ready on port ";
    /** The line prefix that says a principal and its keytab exist. */
    public static final String CREATED = "created principal ";
    /** The line prefix that says a principal is gone from the KDC. */
    public static final String DELETED = "deleted principal ";
    /** The line prefix that says a command failed. */
    public static final String FAILED = "failed: ";
    /** The file name of the clients' Kerberos configuration in the work folder. */
    public static final String KRB5_CONF = "krb5.conf";
    /** Where the test kit finds the list of this child's runtime jars (relative to the Maven repository). */
    public static final String CLASSPATH_LISTING = "dev/kafkadirect/testkit/kdc/classpath.txt";
    /** Exit status when the parent JVM went away. */
    static final int PARENT_GONE = 3;
    /** Exit status when the KDC did not start. */
    static final int START_FAILED = 4;

    private KdcMain() {
    }

    /**
     * Starts the KDC and serves the parent's commands until the parent goes away.
     *
     * @param args the work folder (created), the realm and the TCP port
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: KdcMain <work dir> <realm> <port>");
            System.exit(2);
        }
        Path workDir = Files.createDirectories(Paths.get(args[0]));
        String realm = args[1];
        int port = Integer.parseInt(args[2]);
        SimpleKdcServer kdc;
        try {
            kdc = new SimpleKdcServer();
            kdc.setWorkDir(workDir.toFile());
            kdc.setKdcRealm(realm);
            kdc.setKdcHost("127.0.0.1");
            kdc.setAllowUdp(false);
            kdc.setKdcTcpPort(port);
            kdc.init();
            kdc.start();
        } catch (KrbException | RuntimeException e) {
            System.err.println("The Kerberos KDC did not start:");
            e.printStackTrace();
            System.exit(START_FAILED);
            return;
        }
        Files.write(workDir.resolve(KRB5_CONF), Krb5Conf.text(realm, port).getBytes(StandardCharsets.UTF_8));
        System.out.println(READY + port);
        System.out.flush();
        serveCommands(kdc);
        System.err.println("Parent JVM gone or stopping: stopping the KDC");
        System.exit(PARENT_GONE);
    }

    private static void serveCommands(SimpleKdcServer kdc) {
        BufferedReader parent = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
            for (String line = parent.readLine(); line != null; line = parent.readLine()) {
                System.out.println(run(kdc, line.trim()));
                System.out.flush();
            }
        } catch (IOException closed) {
            // A broken pipe means the same as end of stream: the parent is gone.
        }
    }

    private static String run(SimpleKdcServer kdc, String command) {
        String[] words = command.split(" ", 3);
        if (words.length == 2 && words[0].equals("delete")) {
            try {
                kdc.deletePrincipal(words[1]);
                return DELETED + "[" + words[1] + "]";
            } catch (KrbException | RuntimeException e) {
                return FAILED + "delete [" + words[1] + "]: " + e;
            }
        }
        if (words.length != 3 || !words[0].equals("principal")) {
            return FAILED + "unknown command '" + command + "'";
        }
        try {
            kdc.createPrincipal(words[1]);
            File keytab = new File(words[2]);
            Files.deleteIfExists(keytab.toPath());
            kdc.exportPrincipal(words[1], keytab);
            return CREATED + "[" + words[1] + "]";
        } catch (KrbException | IOException | RuntimeException e) {
            return FAILED + "principal [" + words[1] + "]: " + e;
        }
    }
}
