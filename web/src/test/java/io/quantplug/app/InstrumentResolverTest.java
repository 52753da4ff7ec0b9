package io.quantplug.app;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.market.Timeframe;
import io.quantplug.runtime.data.BarSeries;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstrumentResolverTest {

    private static BarSeries closes(double... prices) {
        long[] t = new long[prices.length];
        double[] v = new double[prices.length];
        for (int i = 0; i < prices.length; i++) {
            t[i] = 60_000L * i;
            v[i] = 1;
        }
        return BarSeries.of(Timeframe.M1, t, prices, prices, prices, prices, v);
    }

    @Test
    void infersTheSymbolFromTheFileNamesOfTheSharedData() {
        assertThat(InstrumentResolver.inferSymbol(Path.of("BTCUSDT_1m_20230301_20230321.csv"))).contains("BTCUSDT");
        assertThat(InstrumentResolver.inferSymbol(Path.of("Binance_ETHUSDT_1h.csv"))).contains("ETHUSDT");
        assertThat(InstrumentResolver.inferSymbol(Path.of("FILUSDT-1m-2023-08.csv"))).contains("FILUSDT");
        assertThat(InstrumentResolver.inferSymbol(Path.of("XBTUSDC_1440.csv"))).contains("XBTUSDC");
        assertThat(InstrumentResolver.inferSymbol(Path.of("prices.csv"))).isEmpty();
    }

    @Test
    void tickSizeIsTheFinestPriceStepOfTheData() {
        assertThat(InstrumentResolver.inferTickSize(closes(23140.48, 23140.5, 23141.0)))
                .isEqualByComparingTo("0.01");
        assertThat(InstrumentResolver.inferTickSize(closes(0.05707, 0.0573))).isEqualByComparingTo("0.00001");
        assertThat(InstrumentResolver.inferTickSize(closes(100, 101))).isEqualByComparingTo("1");
    }

    @Test
    void knownBinanceSymbolsTakeTheRecordedLotSizeAndMinimumNotional() {
        Instrument btc = InstrumentResolver.resolve(null, "BINANCE", Path.of("BTCUSDT_1m.csv"),
                closes(23140.48), null, null, null);
        assertThat(btc.id().toString()).isEqualTo("BTCUSDT.BINANCE");
        assertThat(btc.baseAsset()).isEqualTo("BTC");
        assertThat(btc.quoteAsset()).isEqualTo("USDT");
        assertThat(btc.tickSize()).isEqualByComparingTo("0.01");
        assertThat(btc.lotSize()).isEqualByComparingTo("0.00001");
        assertThat(btc.minNotional()).isEqualByComparingTo("10");

        Instrument other = InstrumentResolver.resolve("xyzusdt", "SIM", Path.of("x.csv"), closes(1.5), null,
                new BigDecimal("0.1"), null);
        assertThat(other.id().toString()).isEqualTo("XYZUSDT.SIM");
        assertThat(other.lotSize()).isEqualByComparingTo("0.1");
        assertThat(other.minNotional()).isEqualByComparingTo("0");
    }

    @Test
    void refusesNonPositiveSizesAndUnnamedSymbols() {
        assertThatThrownBy(() -> InstrumentResolver.resolve("BTCUSDT", "BINANCE", Path.of("x.csv"), closes(1),
                BigDecimal.ZERO, null, null)).hasMessage("--tick-size = 0 is out of range: allowed > 0");
        assertThatThrownBy(() -> InstrumentResolver.resolve(null, "BINANCE", Path.of("prices.csv"), closes(1),
                null, null, null)).hasMessageContaining("pass --symbol");
    }
}
