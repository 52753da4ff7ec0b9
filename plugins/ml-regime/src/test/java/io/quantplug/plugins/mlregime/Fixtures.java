package io.quantplug.plugins.mlregime;

import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.runtime.data.BarFileReader;
import io.quantplug.testsupport.SharedData;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Bars for the tests: hand-written ones, and the real BTCUSDT hours of the shared data (read once per JVM). */
final class Fixtures {

    static final InstrumentId BTC = InstrumentId.of("BTCUSDT", "BINANCE");
    static final String BTC_1H = "binance-spot-1h-2021-2023/BTCUSDT_1h.csv";
    private static List<Bar> btcHours;

    private Fixtures() {
    }

    /** A one-hour bar of BTC, bar index i. */
    static Bar bar(int i, double open, double high, double low, double close, double volume) {
        return new Bar(BTC, Timeframe.H1, i * 3_600_000L, open, high, low, close, volume);
    }

    /** A window holding the bars, indexed from 0. */
    static BarWindow window(List<Bar> bars) {
        BarWindow w = new BarWindow(bars.size());
        bars.forEach(w::add);
        return w;
    }

    /**
     * The real BTCUSDT 1-hour bars of 2021-04-04 .. 2023-12-30 without the last (still open) candle; skips the test
     * when the shared data is absent (fails on CI).
     */
    static synchronized List<Bar> btcHours() {
        if (btcHours == null) {
            Path file = SharedData.require(BTC_1H);
            List<Bar> all = new BarFileReader().read(file, Timeframe.H1).series().toBars(BTC);
            btcHours = List.copyOf(all.subList(0, all.size() - 1));
        }
        return btcHours;
    }

    /** An enhancer from the provider, with parameters by name. */
    static MlRegimeEnhancer enhancer(Map<String, ?> parameters) {
        MlRegimeProvider provider = new MlRegimeProvider();
        Map<String, String> text = new HashMap<>();
        parameters.forEach((k, v) -> text.put(k, String.valueOf(v)));
        return (MlRegimeEnhancer) provider.create(provider.descriptor().parameters().resolve(text));
    }
}
