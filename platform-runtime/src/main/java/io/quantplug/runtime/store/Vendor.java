package io.quantplug.runtime.store;

import java.util.Locale;

/** The database products the store supports. */
public enum Vendor {
    /** H2 2.x in PostgreSQL mode: the embedded default. */
    H2("h2"),
    /** PostgreSQL 15 or newer: production. */
    POSTGRESQL("postgresql");

    private final String folder;

    Vendor(String folder) {
        this.folder = folder;
    }

    /**
     * The vendor migration folder below {@code db/migration/}.
     *
     * @return e.g. {@code h2}
     */
    public String folder() {
        return folder;
    }

    /**
     * The vendor of a JDBC URL.
     *
     * @param url a JDBC URL
     * @return its vendor
     * @throws IllegalArgumentException when the URL is of another database
     */
    public static Vendor ofUrl(String url) {
        String u = url.toLowerCase(Locale.ROOT);
        if (u.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (u.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported database URL " + Secrets.maskUrl(url)
                + ": use jdbc:postgresql://HOST/DB or jdbc:h2:file:PATH");
    }
}
