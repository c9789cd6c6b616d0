package dev.kafkadirect.internal.offsets;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.regex.Pattern;

/**
 * Opens JDBC connections from a URL and properties, on the driver or on executors. Drivers are looked up
 * through the thread's class loader first, because on executors the application's jars are not visible to
 * {@link DriverManager}. Its {@code toString} and {@link #describe()} never show a password.
 */
public final class JdbcConnections implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)(password=)[^&;]*");

    private final String url;
    private final Properties properties;

    /**
     * @param url a JDBC URL
     * @param properties connection properties such as user and password; copied
     */
    public JdbcConnections(String url, Properties properties) {
        if (url == null || !url.startsWith("jdbc:")) {
            throw new IllegalArgumentException("An offset store needs a JDBC URL starting with jdbc:, but got "
                    + (url == null ? null : redact(url)));
        }
        this.url = url;
        this.properties = new Properties();
        this.properties.putAll(properties);
    }

    /** @return a new connection with auto-commit off; the caller closes it */
    public Connection open() throws SQLException {
        Connection connection = connect();
        connection.setAutoCommit(false);
        return connection;
    }

    private Connection connect() throws SQLException {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (Driver driver : ServiceLoader.load(Driver.class, loader == null ? getClass().getClassLoader() : loader)) {
            if (driver.acceptsURL(url)) {
                Connection connection = driver.connect(url, properties);
                if (connection != null) {
                    return connection;
                }
            }
        }
        return DriverManager.getConnection(url, properties);
    }

    /** @return the URL with any password in it masked */
    public String describe() {
        return redact(url);
    }

    private static String redact(String url) {
        return PASSWORD_IN_URL.matcher(url).replaceAll("$1***");
    }

    @Override
    public String toString() {
        return describe();
    }
}
