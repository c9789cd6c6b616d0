package dev.kafkadirect.testkit.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SASL mechanisms of a test broker's listeners and what each needs: SCRAM-SHA-512 (and GSSAPI with Kerberos)
 * on the SASL_SSL listener, GSSAPI and/or OAUTHBEARER on the SASL_PLAINTEXT listener, which exists only when one
 * of those two is on.
 */
public final class SaslListenerSettings {
    private final boolean scramOverTls;
    /** Null without Kerberos. */
    private final GssapiBrokerSettings gssapi;
    /** Null without OAuth. */
    private final OAuthBrokerSettings oauth;

    /**
     * @param scramOverTls whether the broker has the SASL_SSL listener with SCRAM-SHA-512
     * @param gssapi the Kerberos logins, or null
     * @param oauth the OAuth logins, or null
     */
    public SaslListenerSettings(boolean scramOverTls, GssapiBrokerSettings gssapi, OAuthBrokerSettings oauth) {
        this.scramOverTls = scramOverTls;
        this.gssapi = gssapi;
        this.oauth = oauth;
    }

    /** @return whether the broker gets a SASL_PLAINTEXT listener */
    public boolean saslPlaintextListener() {
        return gssapi != null || oauth != null;
    }

    /** @return whether any listener needs authorization (ACLs) */
    public boolean authenticates() {
        return scramOverTls || saslPlaintextListener();
    }

    /** @return the broker properties of every SASL listener; empty without one */
    public Map<String, String> brokerProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        List<String> all = new ArrayList<>();
        if (scramOverTls) {
            List<String> overTls = new ArrayList<>(List.of("SCRAM-SHA-512"));
            if (gssapi != null) {
                overTls.add("GSSAPI");
            }
            properties.put("listener.name.sasl_ssl.sasl.enabled.mechanisms", String.join(",", overTls));
            all.addAll(overTls);
        }
        List<String> plaintext = new ArrayList<>();
        if (gssapi != null) {
            plaintext.add("GSSAPI");
            properties.putAll(gssapi.brokerProperties(scramOverTls));
        }
        if (oauth != null) {
            plaintext.add(OAuthBrokerSettings.MECHANISM);
            properties.putAll(oauth.brokerProperties());
        }
        if (!plaintext.isEmpty()) {
            properties.put("listener.name.sasl_plaintext.sasl.enabled.mechanisms", String.join(",", plaintext));
            plaintext.stream().filter(mechanism -> !all.contains(mechanism)).forEach(all::add);
        }
        if (!all.isEmpty()) {
            properties.put("sasl.enabled.mechanisms", String.join(",", all));
        }
        return properties;
    }

    /** @return the broker JVM's options these logins need */
    public List<String> jvmOptions() {
        List<String> options = new ArrayList<>();
        if (gssapi != null) {
            options.addAll(gssapi.jvmOptions());
        }
        if (oauth != null) {
            options.addAll(oauth.jvmOptions());
        }
        return options;
    }
}
