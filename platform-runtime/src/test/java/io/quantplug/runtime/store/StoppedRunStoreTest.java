package io.quantplug.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.runtime.RunRecorder;
import io.quantplug.runtime.backtest.BacktestResult;
import io.quantplug.runtime.backtest.RunStoppedException;
import io.quantplug.runtime.report.ResultDocument;
import io.quantplug.runtime.session.SessionListener;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run stopped at someone's request after 10,000 of the March 2023 bars (as a console instance is stopped) is stored
 * with status STOPPED, the reason, and its result up to the stop — the same result, trade for trade, as a run whose
 * data ends at that bar (the outside truth: the backtester's own run of the shorter list) — on H2 and PostgreSQL.
 */
class StoppedRunStoreTest {

    private static final int STOP_AT = 10_000;

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void aStoppedRunKeepsItsResultUpToTheStop(Vendor vendor) {
        List<Bar> bars = RealBacktest.series().toBars(RealBacktest.BTCUSDT);
        ResultDocument expected = ResultDocument.of(RealBacktest.run(bars.subList(0, STOP_AT),
                new SessionListener() { }));
        assertThat(expected.trades()).hasSizeGreaterThan(100);
        List<Bar> stopping = new AbstractList<>() {
            @Override
            public Bar get(int index) {
                if (index == STOP_AT) {
                    throw new RunStoppedException("stopped by alice");
                }
                return bars.get(index);
            }

            @Override
            public int size() {
                return bars.size();
            }
        };
        try (Store store = Store.open(TestDatabases.fresh(vendor, tmp))) {
            RunRecorder.Recorded r = new RunRecorder(store, "alice").run(RealBacktest.backtester(),
                    RunStore.Mode.PAPER, RealBacktest.config(), Timeframe.M1, stopping, (d, t) -> { },
                    new SessionListener() { }, id -> { });
            BacktestResult result = r.result();
            assertThat(result.stoppedBy()).isEqualTo("stopped by alice");
            assertThat(result.barCount()).isEqualTo(STOP_AT);
            JsonAssert.assertSameJson(r.document(), expected);
            JsonAssert.assertSameJson(store.runs().document(r.runId()).orElseThrow(), expected);
            RunStore.RunSummary s = store.runs().summary(r.runId()).orElseThrow();
            assertThat(s.status()).isEqualTo(RunStore.Status.STOPPED);
            assertThat(s.mode()).isEqualTo(RunStore.Mode.PAPER);
            assertThat(s.tradeCount()).isEqualTo(expected.trades().size());
            assertThat(s.error()).isEqualTo("stopped by alice");
            assertThat(store.audit().page(0, 10)).extracting(AuditLog.Entry::action)
                    .containsExactly("run.started", "run.stopped");
            assertThat(store.audit().page(0, 10).get(1).details()).contains("stopped by alice");
        }
    }
}
