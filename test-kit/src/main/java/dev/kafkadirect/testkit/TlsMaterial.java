package dev.kafkadirect.testkit;

import dev.kafkadirect.testkit.internal.Keytool;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;

/**
 * A throwaway certificate authority and the stores a TLS test needs, made with the JDK's {@code keytool}:
 * a truststore holding the CA, a broker keystore (certificate for 127.0.0.1 and localhost) and a client
 * keystore (for brokers that require client certificates). All stores are JKS.
 *
 * <pre>{@code
 * TlsMaterial tls = TlsMaterial.generate(directory, "client-password");
 * KafkaCluster kafka = KafkaCluster.builder().tls(tls).build().start();
 * Map<String, Object> params = tls.clientSslConfig();   // security.protocol=SSL and the stores
 * params.put("bootstrap.servers", kafka.sslBootstrapServers());
 * }</pre>
 */
public final class TlsMaterial {
    /** The subject of the client certificate, which brokers see as principal {@code User:<this>}. */
    public static final String CLIENT_DISTINGUISHED_NAME = "CN=kafka-direct-test-client";

    private final Path truststore;
    private final Path brokerKeystore;
    private final Path clientKeystore;
    private final String brokerPassword;
    private final String clientPassword;

    private TlsMaterial(Path truststore, Path brokerKeystore, Path clientKeystore, String brokerPassword,
                        String clientPassword) {
        this.truststore = truststore;
        this.brokerKeystore = brokerKeystore;
        this.clientKeystore = clientKeystore;
        this.brokerPassword = brokerPassword;
        this.clientPassword = clientPassword;
    }

    /**
     * Generates a CA, a broker and a client certificate (valid for 3 days) into {@code directory}.
     *
     * @param directory an existing folder for the files
     * @param clientPassword the password of the truststore, the client keystore and the client key; it must not
     *                       start with {@code -}, which keytool's command line would read as an option
     * @return the material
     */
    public static TlsMaterial generate(Path directory, String clientPassword) {
        if (clientPassword.isEmpty() || clientPassword.startsWith("-")) {
            throw new IllegalArgumentException("clientPassword must be non-empty and must not start with '-': "
                    + "keytool reads such an argument as an option (and '-J...' as a JVM option)");
        }
        String caPassword = randomPassword();
        String brokerPassword = randomPassword();
        Keytool keytool = new Keytool(directory);
        Path ca = directory.resolve("ca.jks");
        keytool.run("-genkeypair", "-alias", "ca", "-dname", "CN=Kafka Direct test CA", "-keyalg", "RSA", "-keysize", "2048",
                "-validity", "3", "-ext", "bc:c", "-keystore", ca.toString(), "-storetype", "JKS",
                "-storepass", caPassword, "-keypass", caPassword);
        Path caCertificate = directory.resolve("ca.pem");
        keytool.run("-exportcert", "-alias", "ca", "-keystore", ca.toString(), "-storepass", caPassword, "-rfc",
                "-file", caCertificate.toString());
        Path truststore = directory.resolve("truststore.jks");
        keytool.run("-importcert", "-noprompt", "-alias", "ca", "-file", caCertificate.toString(),
                "-keystore", truststore.toString(), "-storetype", "JKS", "-storepass", clientPassword);
        Path broker = signedKeystore(keytool, directory, "broker", "CN=localhost", "SAN=ip:127.0.0.1,dns:localhost",
                brokerPassword, ca, caPassword, caCertificate);
        Path client = signedKeystore(keytool, directory, "client", CLIENT_DISTINGUISHED_NAME, null,
                clientPassword, ca, caPassword, caCertificate);
        return new TlsMaterial(truststore, broker, client, brokerPassword, clientPassword);
    }

    /** @return a truststore (JKS) holding the CA */
    public Path truststore() {
        return truststore;
    }

    /** @return the client keystore (JKS) */
    public Path clientKeystore() {
        return clientKeystore;
    }

    /** @return the password of the truststore, the client keystore and the client key */
    public String clientPassword() {
        return clientPassword;
    }

    /** @return a new mutable map with the client's SSL settings (security.protocol and the stores) */
    public Map<String, Object> clientSslConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put("security.protocol", "SSL");
        config.put("ssl.truststore.location", truststore.toString());
        config.put("ssl.truststore.password", clientPassword);
        config.put("ssl.keystore.location", clientKeystore.toString());
        config.put("ssl.keystore.password", clientPassword);
        config.put("ssl.key.password", clientPassword);
        return config;
    }

    /** @return the broker properties of an SSL listener that requires client certificates */
    Map<String, String> brokerSslProperties() {
        Map<String, String> properties = new HashMap<>();
        properties.put("ssl.keystore.location", brokerKeystore.toString());
        properties.put("ssl.keystore.type", "JKS");
        properties.put("ssl.keystore.password", brokerPassword);
        properties.put("ssl.key.password", brokerPassword);
        properties.put("ssl.truststore.location", truststore.toString());
        properties.put("ssl.truststore.type", "JKS");
        properties.put("ssl.truststore.password", clientPassword);
        properties.put("ssl.client.auth", "required");
        return properties;
    }

    private static Path signedKeystore(Keytool keytool, Path directory, String name, String distinguishedName,
                                       String subjectAlternativeNames, String password, Path ca, String caPassword,
                                       Path caCertificate) {
        Path keystore = directory.resolve(name + ".jks");
        Path request = directory.resolve(name + ".csr");
        Path certificate = directory.resolve(name + ".pem");
        keytool.run("-genkeypair", "-alias", name, "-dname", distinguishedName, "-keyalg", "RSA", "-keysize", "2048",
                "-validity", "3", "-keystore", keystore.toString(), "-storetype", "JKS", "-storepass", password,
                "-keypass", password);
        keytool.run("-certreq", "-alias", name, "-keystore", keystore.toString(), "-storepass", password,
                "-file", request.toString());
        if (subjectAlternativeNames == null) {
            keytool.run("-gencert", "-alias", "ca", "-keystore", ca.toString(), "-storepass", caPassword, "-rfc",
                    "-validity", "3", "-infile", request.toString(), "-outfile", certificate.toString());
        } else {
            keytool.run("-gencert", "-alias", "ca", "-keystore", ca.toString(), "-storepass", caPassword, "-rfc",
                    "-validity", "3", "-ext", subjectAlternativeNames, "-infile", request.toString(),
                    "-outfile", certificate.toString());
        }
        keytool.run("-importcert", "-noprompt", "-alias", "ca", "-file", caCertificate.toString(),
                "-keystore", keystore.toString(), "-storepass", password);
        keytool.run("-importcert", "-alias", name, "-file", certificate.toString(), "-keystore", keystore.toString(),
                "-storepass", password);
        return keystore;
    }

    /**
     * Letters and digits only: keytool's launcher takes any argument that starts with {@code -J} as a JVM option,
     * so a URL-safe Base64 password such as {@code -J9SL...} once made {@code -genkeypair} fail.
     */
    private static String randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        StringBuilder password = new StringBuilder("p");
        for (byte value : bytes) {
            password.append(String.format("%02x", value & 0xff));
        }
        return password.toString();
    }
}
