package io.quantplug.web.session;

import io.quantplug.runtime.store.StoreUnavailableException;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a failed run shows through the API: a strategy's or a check's message as it is (cut to a sensible length),
 * but never the database's words — a driver's message can hold the JDBC URL, credentials or SQL, and every viewer
 * reads a run's error. Those are logged in full and shown as one plain sentence.
 */
final class RunErrors {

    private static final Logger LOG = LoggerFactory.getLogger(RunErrors.class);
    private static final int MAX_CHARS = 500;

    private RunErrors() {
    }

    /**
     * The message to show for a run's failure; logs the failure in full.
     *
     * @param run the run, e.g. {@code backtest/3}
     * @param e   what it threw
     * @return the public message
     */
    static String publicMessage(String run, RuntimeException e) {
        LOG.warn("{} failed", run, e);
        if (fromStore(e)) {
            return "the store could not record the run (see the server log)";
        }
        String m = String.valueOf(e.getMessage());
        return m.length() <= MAX_CHARS ? m : m.substring(0, MAX_CHARS) + "…";
    }

    private static boolean fromStore(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StoreUnavailableException || t instanceof SQLException
                    || String.valueOf(t.getMessage()).contains("jdbc:")) {
                return true;
            }
        }
        return false;
    }
}
