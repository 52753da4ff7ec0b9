package io.quantplug.cli;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.exchange.ExchangeAdapter;
import io.quantplug.api.exchange.ExchangeAdapterProvider;
import io.quantplug.api.exchange.ExchangeCapability;
import io.quantplug.api.exchange.ExchangeListener;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.param.Parameters;
import io.quantplug.app.ExchangeSession;
import io.quantplug.runtime.analytics.RoundTrip;
import io.quantplug.runtime.backtest.BacktestConfig;
import io.quantplug.runtime.backtest.BacktestProgress;
import io.quantplug.runtime.backtest.BacktestResult;
import io.quantplug.runtime.backtest.Backtester;
import io.quantplug.runtime.backtest.ExtensionRef;
import io.quantplug.runtime.data.BarFileReader;
import io.quantplug.runtime.plugin.ExtensionCatalog;
import io.quantplug.runtime.plugin.ExtensionInfo;
import io.quantplug.runtime.plugin.ExtensionKind;
import io.quantplug.runtime.plugin.PluginHost;
import io.quantplug.runtime.session.BarSource;
import io.quantplug.runtime.session.SessionListener;
import io.quantplug.testsupport.SharedData;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paper trading is the backtest on the same bars: an {@link ExchangeSession} on an adapter that serves the first
 * 2,000 of the real 2022 BTCUSDT one-minute bars as history and streams the next 8,000 from its own thread, with
 * {@code sma-crossover} from the distribution's plugin jar, warmed up on the 2,000, gives exactly the round trips and
 * the final equity of {@code Backtester} on all 10,000 bars with a 2,000-bar warm-up.
 */
class PaperSessionIT {

    private static final String FILE = "binance-spot-1m-btc-eth-2021-2023/BTCUSDT_1m_2022chunk.csv";
    private static final int WARM_UP = 2_000;
    private static final int STREAMED = 8_000;

    /** An exchange that has the first bars as history and streams the rest on connect, from a thread of its own. */
    static final class ReplayExchange implements ExchangeAdapterProvider, ExchangeAdapter {
        private final Instrument instrument;
        private final List<Bar> bars;
        private Thread streaming;

        ReplayExchange(Instrument instrument, List<Bar> bars) {
            this.instrument = instrument;
            this.bars = bars;
        }

        @Override
        public ExtensionDescriptor descriptor() {
            return new ExtensionDescriptor("replay", "Replay exchange", "History, then a stream, of recorded bars.",
                    ParameterSchema.empty());
        }

        @Override
        public ExchangeAdapter create(Parameters parameters) {
            return this;
        }

        @Override
        public Set<ExchangeCapability> capabilities() {
            return EnumSet.of(ExchangeCapability.INSTRUMENTS, ExchangeCapability.HISTORICAL_BARS,
                    ExchangeCapability.LIVE_BARS);
        }

        @Override
        public String id() {
            return "replay";
        }

        @Override
        public List<Instrument> instruments() {
            return List.of(instrument);
        }

        @Override
        public List<Bar> historicalBars(InstrumentId id, Timeframe timeframe, long fromMillis, long toMillis) {
            return bars.stream().filter(b -> b.openTimeMillis() >= fromMillis && b.openTimeMillis() < toMillis)
                    .toList();
        }

        @Override
        public void connect(List<InstrumentId> instruments, Timeframe timeframe, ExchangeListener listener) {
            streaming = new Thread(() -> {
                listener.onConnectionChange(true, "replaying");
                for (Bar b : bars.subList(WARM_UP, bars.size())) {
                    listener.onBar(b);
                    if (b == bars.get(WARM_UP)) {
                        listener.onBar(b); // sent twice, as after a reconnect: taken once
                    }
                }
            }, "replay-exchange");
            streaming.start();
        }

        @Override
        public void close() {
        }
    }

    @Test
    void paperTradesExactlyAsTheBacktestOnTheSameBars() throws Exception {
        Instrument btc = Instrument.spot(InstrumentId.of("BTCUSDT", "BINANCE"), "BTC", "USDT",
                new BigDecimal("0.01"), new BigDecimal("0.00001"), new BigDecimal("5"));
        List<Bar> all = new BarFileReader().read(SharedData.require(FILE)).series().toBars(btc.id());
        List<Bar> bars = all.subList(0, WARM_UP + STREAMED);
        ReplayExchange exchange = new ReplayExchange(btc, bars);
        try (PluginHost host = PluginHost.open(CliRun.dist().resolve("plugins"))) {
            List<ExtensionInfo> extensions = new ArrayList<>(host.catalog().all());
            extensions.add(new ExtensionInfo(ExtensionKind.EXCHANGE_ADAPTER, exchange, null));
            ExtensionCatalog catalog = ExtensionCatalog.of(extensions);
            // the history is the 2,000 bars before the first streamed one, asked for when it arrives
            BacktestResult paper;
            try (ExchangeSession session = ExchangeSession.open(catalog, "replay", Map.of(), "BTCUSDT", Timeframe.M1,
                    ExchangeSessionConfig::config, (long) WARM_UP, STREAMED, c -> new SessionListener() { })) {
                paper = session.run().run(BacktestProgress.NONE);
                assertThat(session.source().warmUpBarsFetched()).isEqualTo(WARM_UP);
                assertThat(session.source().liveBars()).isEqualTo(STREAMED);
            }
            BacktestResult backtest = new Backtester(catalog).open(ExchangeSessionConfig.config(btc), Timeframe.M1,
                    BarSource.of(bars), new SessionListener() { }).warmUp(WARM_UP).run(BacktestProgress.NONE);

            assertThat(paper.barCount()).isEqualTo(WARM_UP + STREAMED);
            assertThat(backtest.trades()).hasSizeGreaterThan(50);
            assertThat(trips(paper.trades())).isEqualTo(trips(backtest.trades()));
            assertThat(paper.metrics().endEquity()).isEqualByComparingTo(backtest.metrics().endEquity());
            assertThat(paper.trades().get(0).entryTimeMillis()).as("no trade enters on a warm-up bar")
                    .isGreaterThan(bars.get(WARM_UP - 1).openTimeMillis());
        }
    }

    private static List<String> trips(List<RoundTrip> trips) {
        return trips.stream().map(t -> t.entryTimeMillis() + " " + t.entryPrice().toPlainString() + " "
                + t.exitTimeMillis() + " " + t.exitPrice().toPlainString() + " " + t.quantity().toPlainString() + " "
                + t.exitReason()).toList();
    }

    /** The run: sma-crossover 10/30 with 10 bps fees on 10,000 USDT. */
    static final class ExchangeSessionConfig {
        static BacktestConfig config(Instrument instrument) {
            return new BacktestConfig(instrument, new BigDecimal("10000"), new BigDecimal("10"), BigDecimal.ZERO,
                    ExtensionRef.parse("sma-crossover:fast=10,slow=30"), List.of(), null, List.of());
        }
    }
}
