package dev.kafkadirect.testkit.kdc;

/**
 * The {@code krb5.conf} clients of the test kit's KDC use: one realm whose KDC is on loopback, TCP only, and no
 * DNS lookups, so a service principal is built from the host name exactly as the client was given it
 * ({@code kafka/127.0.0.1}).
 */
final class Krb5Conf {
    private Krb5Conf() {
    }

    /**
     * @param realm the realm, also the default realm
     * @param port the KDC's TCP port on 127.0.0.1
     * @return the file's text
     */
    static String text(String realm, int port) {
        return "[libdefaults]\n"
                + "    default_realm = " + realm + "\n"
                + "    udp_preference_limit = 1\n"
                + "    dns_lookup_kdc = false\n"
                + "    dns_lookup_realm = false\n"
                + "    dns_canonicalize_hostname = false\n"
                + "    rdns = false\n"
                + "    ticket_lifetime = 24h\n"
                + "    forwardable = true\n"
                + "\n"
                + "[realms]\n"
                + "    " + realm + " = {\n"
                + "        kdc = 127.0.0.1:" + port + "\n"
                + "    }\n";
    }
}
