package io.quantplug.runtime.store;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.runtime.RunRecorder;
import io.quantplug.runtime.backtest.ExtensionRef;
import io.quantplug.runtime.backtest.PortfolioBacktester;
import io.quantplug.runtime.backtest.PortfolioConfig;
import io.quantplug.runtime.data.BarFileReader;
import io.quantplug.runtime.plugin.ExtensionCatalog;
import io.quantplug.runtime.plugin.ExtensionInfo;
import io.quantplug.runtime.plugin.ExtensionKind;
import io.quantplug.runtime.report.PortfolioDocument;
import io.quantplug.runtime.session.SessionListener;
import io.quantplug.testsupport.SharedData;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real portfolio backtest (sma-crossover 10/30 on Binance spot BTCUSDT and ETHUSDT hourly bars, one 10,000 USDT
 * account, every fifth entry refused) stored through {@link RunRecorder#runPortfolio} and read back, on H2 and on a
 * real PostgreSQL. The outside truth is the portfolio backtester's own run of the same configuration, not stored.
 */
class PortfolioRunStoreTest {

    private static final String DIR = "binance-spot-1h-2021-2023/";

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void storedPortfolioRunReadsBackAsItsPortfolioDocument(Vendor vendor) throws SQLException {
        PortfolioConfig config = config();
        ExtensionCatalog catalog = catalog();
        PortfolioDocument expected = PortfolioDocument.of(new PortfolioBacktester(catalog).run(config, (d, t) -> { }));
        assertThat(expected.trades()).hasSizeGreaterThan(300);
        assertThat(expected.trades()).extracting(t -> t.instrument()).contains("BTCUSDT.BINANCE", "ETHUSDT.BINANCE");
        assertThat(expected.rejections()).isNotEmpty();

        try (Store store = Store.open(TestDatabases.fresh(vendor, tmp))) {
            long[] started = {-1};
            RunRecorder.RecordedPortfolio recorded = new RunRecorder(store, "alice").runPortfolio(
                    new PortfolioBacktester(catalog), config, (d, t) -> { }, new SessionListener() { },
                    id -> started[0] = id);
            long runId = recorded.runId();
            assertThat(started[0]).isEqualTo(runId);
            JsonAssert.assertSameJson(recorded.document(), expected);
            JsonAssert.assertSameJson(store.runs().portfolioDocument(runId).orElseThrow(), expected);
            // the single-run reader answers the account's view, as runs show prints it
            JsonAssert.assertSameJson(store.runs().document(runId).orElseThrow(), expected.accountView());

            RunStore.RunSummary s = store.runs().summary(runId).orElseThrow();
            assertThat(s.kind()).isEqualTo(RunStore.Kind.PORTFOLIO);
            assertThat(s.mode()).isEqualTo(RunStore.Mode.BACKTEST);
            assertThat(s.status()).isEqualTo(RunStore.Status.COMPLETED);
            assertThat(s.strategy()).isEqualTo("sma-crossover");
            assertThat(s.instrument()).isEqualTo("BTCUSDT.BINANCE,ETHUSDT.BINANCE");
            assertThat(s.timeframe()).isEqualTo("1h");
            assertThat(s.tradeCount()).isEqualTo(expected.trades().size());
            assertThat(store.runs().list()).extracting(RunStore.RunSummary::id).containsExactly(runId);
            assertThat(RunStoreTest.count(store, "SELECT COUNT(*) FROM fills WHERE run_id = ?", runId))
                    .isEqualTo(expected.counts().fills());
            assertThat(RunStoreTest.count(store, "SELECT COUNT(*) FROM fills WHERE run_id = ?"
                    + " AND instrument_id = 'ETHUSDT.BINANCE'", runId)).isPositive();
            assertThat(store.audit().page(0, 10)).extracting(AuditLog.Entry::action)
                    .containsExactly("run.started", "run.completed");
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void singleRunsAreOfKindSingleAndHaveNoPortfolioDocument(Vendor vendor) {
        List<Bar> bars = RealBacktest.series().toBars(RealBacktest.BTCUSDT).subList(0, 200);
        try (Store store = Store.open(TestDatabases.fresh(vendor, tmp))) {
            long runId = store.runs().start(RunStore.Mode.BACKTEST, RealBacktest.startBlock(bars), "alice");
            assertThat(store.runs().summary(runId).orElseThrow().kind()).isEqualTo(RunStore.Kind.SINGLE);
            assertThat(store.runs().portfolioDocument(runId)).isEmpty();
            assertThat(store.runs().portfolioDocument(runId + 1)).isEmpty();
        }
    }

    private static PortfolioConfig config() {
        List<PortfolioConfig.Book> books = new ArrayList<>();
        for (String symbol : List.of("BTCUSDT", "ETHUSDT")) {
            InstrumentId id = InstrumentId.of(symbol, "BINANCE");
            Instrument instrument = Instrument.spot(id, symbol.replace("USDT", ""), "USDT", new BigDecimal("0.01"),
                    new BigDecimal("0.0001"), new BigDecimal("10"));
            List<Bar> bars = new BarFileReader().read(SharedData.require(DIR + symbol + "_1h.csv"), Timeframe.H1)
                    .series().toBars(id);
            books.add(new PortfolioConfig.Book(instrument, Timeframe.H1, bars,
                    List.of(new ExtensionRef("sma-crossover", Map.of("fast", "10", "slow", "30"))), null));
        }
        return new PortfolioConfig(new BigDecimal("10000"), BigDecimal.TEN, new BigDecimal("2"), books, List.of(),
                null, List.of(new ExtensionRef("every-fifth-entry", Map.of())));
    }

    private static ExtensionCatalog catalog() {
        List<ExtensionInfo> extensions = new ArrayList<>(ExtensionCatalog.fromClassPath(
                PortfolioRunStoreTest.class.getClassLoader()));
        extensions.add(new ExtensionInfo(ExtensionKind.RISK_RULE, new RealBacktest.EveryFifthEntry(), null));
        return ExtensionCatalog.of(extensions);
    }
}
