package dev.kafkadirect.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.kafkadirect.testkit.internal.Jwt;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OAuth 2 authorization server for tests, on a free loopback port of this JVM (the JDK's HTTP server): a
 * token endpoint that grants client credentials ({@code POST /token}, RFC 6749 section 4.4) with RS256-signed
 * JWTs, and the JSON Web Key Set that verifies them ({@code GET /jwks}). Brokers built with
 * {@link KafkaClusterBuilder#oauth(OAuthServer)} validate tokens against it; clients log in through Kafka's
 * {@code OAuthBearerLoginCallbackHandler} ({@link KafkaSecurity#oauthClientConfig}).
 *
 * <pre>{@code
 * try (OAuthServer oauth = OAuthServer.builder().tokenLifetime(Duration.ofSeconds(20)).start()) {
 *     oauth.registerClient("alice", "alice-secret");
 *     // brokers: KafkaCluster.builder().oauth(oauth); clients: kafka.security().oauthClientConfig(...)
 * }
 * }</pre>
 *
 * <p>Tokens carry {@code iss} ({@link #issuer()}), {@code sub} (the client id, so the broker's principal is
 * {@code User:<client id>}), {@code aud} (the client's audience, {@link #AUDIENCE} unless registered otherwise),
 * {@code scope} (when asked for), {@code iat} and {@code exp}. A wrong secret gets 401 {@code invalid_client}, a scope the client may
 * not ask for 400 {@code invalid_scope}. Thread-safe.
 */
public final class OAuthServer implements AutoCloseable {
    /** The audience brokers expect and clients' tokens name unless registered with another. */
    public static final String AUDIENCE = "kafka";
    /** The system property that lists the URLs Kafka's OAuth code may fetch (kafka-clients 3.9.1 and later). */
    public static final String ALLOWED_URLS_PROPERTY = "org.apache.kafka.sasl.oauthbearer.allowed.urls";

    private final HttpServer http;
    private final ExecutorService handlers;
    private final Jwt key = Jwt.newKey("kafka-direct-test-key");
    private final Duration tokenLifetime;
    private final Map<String, RegisteredClient> clients = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> tokensIssued = new ConcurrentHashMap<>();

    private OAuthServer(Duration tokenLifetime) {
        this.tokenLifetime = tokenLifetime;
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open a port on 127.0.0.1 for the OAuth server", e);
        }
        handlers = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "oauth-server");
            thread.setDaemon(true);
            return thread;
        });
        http.setExecutor(handlers);
        http.createContext("/token", this::grantToken);
        http.createContext("/jwks", exchange -> respond(exchange, 200, key.keySetJson()));
    }

    /** @return settings of a new server; {@link Builder#start()} starts it */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a running server whose tokens live an hour */
    public static OAuthServer start() {
        return builder().start();
    }

    /**
     * Lets a client get tokens for audience {@link #AUDIENCE} with any scope.
     *
     * @param clientId the client id, also the tokens' subject
     * @param secret its secret
     * @return this server
     */
    public OAuthServer registerClient(String clientId, String secret) {
        return registerClient(clientId, secret, AUDIENCE, Set.of());
    }

    /**
     * @param clientId the client id, also the tokens' subject
     * @param secret its secret
     * @param audience the {@code aud} of its tokens
     * @param allowedScopes the scopes it may ask for; empty for any
     * @return this server
     */
    public OAuthServer registerClient(String clientId, String secret, String audience, Set<String> allowedScopes) {
        clients.put(clientId, new RegisteredClient(secret, audience, Set.copyOf(allowedScopes)));
        return this;
    }

    /** @return the token endpoint, the value of {@code sasl.oauthbearer.token.endpoint.url} */
    public String tokenEndpointUrl() {
        return baseUrl() + "/token";
    }

    /** @return the key set's URL, the brokers' {@code sasl.oauthbearer.jwks.endpoint.url} */
    public String jwksUrl() {
        return baseUrl() + "/jwks";
    }

    /** @return the {@code iss} of every token, the brokers' {@code sasl.oauthbearer.expected.issuer} */
    public String issuer() {
        return baseUrl();
    }

    /** @return how long a token is valid */
    public Duration tokenLifetime() {
        return tokenLifetime;
    }

    /**
     * @return the JVM option that lets Kafka's OAuth code fetch this server's token endpoint and key set:
     *     {@code -Dorg.apache.kafka.sasl.oauthbearer.allowed.urls=<token URL>,<key set URL>}
     */
    public String allowedUrlsJvmOption() {
        return "-D" + ALLOWED_URLS_PROPERTY + "=" + allowedUrls();
    }

    /** @return the value of {@value #ALLOWED_URLS_PROPERTY} for this server */
    public String allowedUrls() {
        return tokenEndpointUrl() + "," + jwksUrl();
    }

    /**
     * @param clientId a registered client
     * @return how many tokens it was granted so far
     */
    public int tokensIssued(String clientId) {
        AtomicInteger count = tokensIssued.get(clientId);
        return count == null ? 0 : count.get();
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    private void grantToken(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            respond(exchange, 405, error("invalid_request", "the token endpoint takes POST"));
            return;
        }
        Map<String, String> form = parseForm(exchange.getRequestBody());
        String[] credentials = credentials(exchange, form);
        RegisteredClient client = credentials == null ? null : clients.get(credentials[0]);
        if (client == null || !client.secret.equals(credentials[1])) {
            respond(exchange, 401, error("invalid_client", "unknown client or wrong secret"));
            return;
        }
        if (!"client_credentials".equals(form.get("grant_type"))) {
            respond(exchange, 400, error("unsupported_grant_type", "only client_credentials is granted"));
            return;
        }
        String scope = form.getOrDefault("scope", "");
        List<String> scopes = scope.isEmpty() ? List.of() : Arrays.asList(scope.split(" "));
        if (!client.allowedScopes.isEmpty() && !client.allowedScopes.containsAll(scopes)) {
            respond(exchange, 400, error("invalid_scope", "client " + credentials[0] + " may not ask for scope '"
                    + scope + "'"));
            return;
        }
        long now = System.currentTimeMillis() / 1000;
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer());
        claims.put("sub", credentials[0]);
        claims.put("aud", client.audience);
        if (!scope.isEmpty()) {
            // Kafka's login refuses an empty scope claim.
            claims.put("scope", scope);
        }
        claims.put("iat", now);
        claims.put("exp", now + tokenLifetime.getSeconds());
        String token = key.sign(claims);
        tokensIssued.computeIfAbsent(credentials[0], id -> new AtomicInteger()).incrementAndGet();
        respond(exchange, 200, "{\"access_token\":" + Jwt.quote(token) + ",\"token_type\":\"Bearer\",\"expires_in\":"
                + tokenLifetime.getSeconds() + (scope.isEmpty() ? "" : ",\"scope\":" + Jwt.quote(scope)) + "}");
    }

    /** The client id and secret from HTTP Basic authentication, else from the form; null when neither has them. */
    private static String[] credentials(HttpExchange exchange, Map<String, String> form) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return null;
            }
            return new String[] {urlDecode(decoded.substring(0, colon)), urlDecode(decoded.substring(colon + 1))};
        }
        String id = form.get("client_id");
        String secret = form.get("client_secret");
        return id == null || secret == null ? null : new String[] {id, secret};
    }

    private static Map<String, String> parseForm(InputStream body) throws IOException {
        String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> form = new HashMap<>();
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            form.put(urlDecode(equals < 0 ? pair : pair.substring(0, equals)),
                    equals < 0 ? "" : urlDecode(pair.substring(equals + 1)));
        }
        return form;
    }

    private static String urlDecode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String error(String code, String description) {
        return "{\"error\":" + Jwt.quote(code) + ",\"error_description\":" + Jwt.quote(description) + "}";
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Stops serving: the endpoints refuse connections from now on. */
    @Override
    public void close() {
        http.stop(0);
        handlers.shutdownNow();
    }

    /** What the server knows of one client. */
    private static final class RegisteredClient {
        final String secret;
        final String audience;
        final Set<String> allowedScopes;

        RegisteredClient(String secret, String audience, Set<String> allowedScopes) {
            this.secret = secret;
            this.audience = audience;
            this.allowedScopes = allowedScopes;
        }
    }

    /** Settings of an {@link OAuthServer}. */
    public static final class Builder {
        private Duration tokenLifetime = Duration.ofHours(1);

        private Builder() {
        }

        /** @param lifetime how long each token is valid, whole seconds, at least 1 s (an hour unless set) */
        public Builder tokenLifetime(Duration lifetime) {
            if (lifetime.getSeconds() < 1) {
                throw new IllegalArgumentException("tokenLifetime must be at least 1 s but was " + lifetime);
            }
            this.tokenLifetime = lifetime;
            return this;
        }

        /** @return the server, listening */
        public OAuthServer start() {
            OAuthServer server = new OAuthServer(tokenLifetime);
            server.http.start();
            return server;
        }
    }
}
