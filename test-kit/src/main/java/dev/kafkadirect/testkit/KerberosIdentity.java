package dev.kafkadirect.testkit;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A Kerberos principal of a {@link KerberosKdc} and the keytab that logs it in, with the JAAS line a Kafka client
 * or broker uses for it. Immutable.
 */
public final class KerberosIdentity {
    private final String principal;
    private final Path keytab;

    KerberosIdentity(String principal, Path keytab) {
        this.principal = Objects.requireNonNull(principal, "principal");
        this.keytab = Objects.requireNonNull(keytab, "keytab");
    }

    /** @return the principal with its realm, e.g. {@code alice@KAFKADIRECT.TEST} */
    public String principal() {
        return principal;
    }

    /** @return the name before the realm, e.g. {@code alice}: the user name ACLs name ({@code User:alice}) */
    public String shortName() {
        int slash = principal.indexOf('/');
        int at = principal.indexOf('@');
        return principal.substring(0, slash >= 0 ? slash : at);
    }

    /** @return the keytab file holding this principal's key */
    public Path keytab() {
        return keytab;
    }

    /**
     * @return a {@code sasl.jaas.config} value that logs this principal in from its keytab with the JDK's
     *     {@code Krb5LoginModule}, no ticket cache, and {@code krb5.conf} read again at each login (so one JVM can
     *     use several KDCs one after another)
     */
    public String jaasConfig() {
        return jaasConfig(keytab.toAbsolutePath().toString());
    }

    /**
     * @param keytabPath the keytab as the JVM that logs in sees it, e.g. a file name that {@code spark-submit --files}
     *     put in the executor's working directory
     * @return a {@code sasl.jaas.config} value that logs this principal in from that keytab
     */
    public String jaasConfig(String keytabPath) {
        return "com.sun.security.auth.module.Krb5LoginModule required useKeyTab=true storeKey=true"
                + " useTicketCache=false refreshKrb5Config=true keyTab=\"" + keytabPath + "\" principal=\"" + principal + "\";";
    }

    @Override
    public String toString() {
        return principal + " (keytab " + keytab.getFileName() + ")";
    }
}
