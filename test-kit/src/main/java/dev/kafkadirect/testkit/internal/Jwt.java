package dev.kafkadirect.testkit.internal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An RSA signing key and the JSON Web Tokens it signs (RS256, compact form), plus its public half as a JSON Web
 * Key Set, with the JDK's own cryptography. Claims are strings or numbers; nothing here parses JSON.
 */
public final class Jwt {
    private static final Base64.Encoder BASE64_URL = Base64.getUrlEncoder().withoutPadding();

    private final KeyPair keys;
    private final String keyId;

    private Jwt(KeyPair keys, String keyId) {
        this.keys = keys;
        this.keyId = keyId;
    }

    /**
     * @param keyId the {@code kid} tokens name and the key set lists
     * @return a new 2048-bit RSA key
     */
    public static Jwt newKey(String keyId) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new Jwt(generator.generateKeyPair(), keyId);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JDK cannot make RSA keys", e);
        }
    }

    /**
     * @param claims the payload's claims, in order: {@link String} or {@link Number} values
     * @return the signed token
     */
    public String sign(Map<String, ?> claims) {
        String header = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":" + quote(keyId) + "}");
        String payload = encode(claims.entrySet().stream()
                .map(claim -> quote(claim.getKey()) + ":" + value(claim.getValue()))
                .collect(Collectors.joining(",", "{", "}")));
        String signingInput = header + "." + payload;
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keys.getPrivate());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64_URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a token with RS256", e);
        }
    }

    /** @return the JSON Web Key Set that verifies this key's tokens */
    public String keySetJson() {
        RSAPublicKey key = (RSAPublicKey) keys.getPublic();
        return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":" + quote(keyId)
                + ",\"n\":" + quote(unsigned(key.getModulus())) + ",\"e\":" + quote(unsigned(key.getPublicExponent()))
                + "}]}";
    }

    /** @return a JSON string of {@code text} */
    public static String quote(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    private static String value(Object value) {
        if (value instanceof Number) {
            return value.toString();
        }
        if (value instanceof String) {
            return quote((String) value);
        }
        throw new IllegalArgumentException("A claim is a String or a Number, not " + value);
    }

    private static String encode(String json) {
        return BASE64_URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Base64url of the number's big-endian bytes without the sign byte, as JWK wants. */
    private static String unsigned(BigInteger number) {
        byte[] bytes = number.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return BASE64_URL.encodeToString(bytes);
    }
}
