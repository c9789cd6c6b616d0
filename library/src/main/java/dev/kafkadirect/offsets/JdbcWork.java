package dev.kafkadirect.offsets;

import java.sql.Connection;

/** The user's writes of one batch (or one partition of it), run on the store's transaction. */
@FunctionalInterface
public interface JdbcWork {
    /**
     * @param connection the open transaction; do not commit, roll back or close it
     * @throws Exception anything: the transaction is then rolled back and the exception passed on
     */
    void run(Connection connection) throws Exception;
}
