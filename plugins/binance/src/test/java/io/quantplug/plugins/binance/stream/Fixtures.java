package io.quantplug.plugins.binance.stream;

import io.quantplug.testsupport.SharedData;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** The recorded Binance payloads of {@code exchange-api-fixtures/nautilus-binance-json} (see its PROVENANCE.md). */
final class Fixtures {

    private Fixtures() {
    }

    static String read(String relative) {
        try {
            return Files.readString(SharedData.require("exchange-api-fixtures/nautilus-binance-json/" + relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
