package io.quantplug.benchmarks;

import io.quantplug.runtime.store.DatabaseSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A fresh database for a benchmark trial: the embedded H2 of a temporary home, or a real PostgreSQL 18 (zonky). */
final class BenchmarkDatabases implements AutoCloseable {

    private final Path home;
    private final EmbeddedPostgres postgres;
    final DatabaseSettings settings;

    BenchmarkDatabases(String vendor) {
        try {
            home = Files.createTempDirectory("quantplug-bench");
            if (vendor.equals("POSTGRESQL")) {
                postgres = EmbeddedPostgres.builder().setDataDirectory(home.resolve("pg")).start();
                settings = new DatabaseSettings("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
                        "postgres", null);
            } else {
                postgres = null;
                settings = DatabaseSettings.embedded(home);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
