package org.hindcast.problems;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Recognises, anywhere in a chain of causes, that PostgreSQL could not be reached or went away. */
public final class DatabaseDown {

    private DatabaseDown() {
    }

    public static boolean is(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.hibernate.exception.JDBCConnectionException
                    || t instanceof SQLTransientConnectionException || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                // 08: connection exceptions; 57P01-57P03: the server is shutting down or cannot take connections
                if (state != null && (state.startsWith("08") || state.startsWith("57P0"))) {
                    return true;
                }
                String message = sql.getMessage();
                if (message != null && message.contains("acquisition timeout")) { // Agroal found no live connection
                    return true;
                }
            }
        }
        return false;
    }
}
