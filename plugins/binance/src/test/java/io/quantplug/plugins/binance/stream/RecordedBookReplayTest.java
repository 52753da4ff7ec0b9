package io.quantplug.plugins.binance.stream;

import io.quantplug.sdk.marketdata.binance.MarketStreamDecoder;
import io.quantplug.sdk.marketdata.binance.DepthSnapshotDecoder;
import io.quantplug.sdk.marketdata.binance.MarketMessageKind;
import io.quantplug.plugins.binance.testserver.RecordingListener;
import com.fasterxml.jackson.core.JsonFactory;
import io.quantplug.sdk.book.DepthSequencer;
import io.quantplug.sdk.book.DepthSnapshot;
import io.quantplug.sdk.book.OrderBook;
import io.quantplug.sdk.book.SequenceRule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local book, built by {@link MarketStreamHandler} from each shared recording's REST snapshot and diff-depth
 * events, agrees with every recorded {@code bookTicker} whose update id {@code u} equals the book's last applied
 * update id: best bid, best ask and their quantities, exactly. Then one depth event is withheld: the sequencer must
 * see the gap, ask for a snapshot, resync from it and agree again. The resync snapshot is built from an
 * independent replay of the full recording (its own sequencer and book) at the update id reached then.
 */
class RecordedBookReplayTest {

    private static final JsonFactory JSON = new JsonFactory();

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "BTCUSDT, SPOT, spot_btcusdt_20240808.gz, spot_btcusdt_20240809.gz",
            "ETHUSDT, SPOT, spot_ethusdt_20240808.gz, spot_ethusdt_20240809.gz",
            "BTCUSDT, FUTURES, usdm_btcusdt_20240808.gz, ''",
            "ETHUSDT, FUTURES, usdm_ethusdt_20240808.gz, ''",
            "BTCUSD_PERP, FUTURES, cm_btcusd_perp_20240808.gz, cm_btcusd_perp_20240809.gz"})
    void localBookAgreesWithEveryBookTickerAtItsUpdateIdAndResyncsAfterAGap(String symbol, SequenceRule rule,
                                                                           String day1, String day2) {
        List<String> lines = day2.isEmpty() ? RecordingLines.read(day1) : RecordingLines.read(day1, day2);

        // the depth event in the middle of the recording is withheld
        long skippedDepthEvent = lines.stream().filter(l -> l.contains("\"depthUpdate\"")).count() / 2;
        List<CompletableFuture<DepthSnapshot>> fetches = new ArrayList<>();
        BookTickerCheck[] check = new BookTickerCheck[1];
        MarketStreamHandler handler = new MarketStreamHandler(new MarketStreamDecoder(JSON), "BINANCE", rule,
                s -> {
                    CompletableFuture<DepthSnapshot> f = new CompletableFuture<>();
                    fetches.add(f);
                    return f;
                }, new RecordingListener(), t -> check[0].onTicker(t), () -> 0L, 0, 10_000, Long.MAX_VALUE);
        handler.track(symbol);
        check[0] = new BookTickerCheck(handler.sequencer(symbol));

        // the independent truth: the whole recording, nothing withheld
        OrderBook truthBook = new OrderBook();
        DepthSequencer truth = new DepthSequencer(rule, truthBook, 10_000);
        MarketStreamDecoder truthDecoder = new MarketStreamDecoder(JSON);
        DepthSnapshotDecoder snapshots = new DepthSnapshotDecoder(JSON);

        int depthEvents = 0;
        long comparedBeforeGap = -1;
        for (String json : lines) {
            if (RecordingLines.isSnapshot(json)) {
                DepthSnapshot snapshot = snapshots.decode(json);
                truth.onSnapshot(snapshot);
                assertThat(fetches).as("the handler asked for the first snapshot").hasSize(1);
                fetches.get(0).complete(snapshot);
                continue;
            }
            boolean depth = truthDecoder.decode(json) == MarketMessageKind.DEPTH_UPDATE;
            if (depth) {
                truth.accept(truthDecoder.depthUpdate());
                if (++depthEvents == skippedDepthEvent) {
                    comparedBeforeGap = check[0].compared.get();
                    continue;                                   // withheld: the gap
                }
            }
            handler.onMessage(json);
            if (depth) {
                check[0].afterMessage();
                if (fetches.size() == 2 && !fetches.get(1).isDone()) {
                    fetches.get(1).complete(snapshotOf(truthBook, truth.lastUpdateId()));
                }
            }
        }

        DepthSequencer seq = handler.sequencer(symbol);
        assertThat(handler.skipped()).isZero();
        assertThat(seq.gaps()).as("gaps detected").isEqualTo(1);
        assertThat(fetches).as("snapshot requests: initial + resync").hasSize(2);
        assertThat(seq.state()).isEqualTo(DepthSequencer.State.IN_SYNC);
        assertThat(truth.gaps()).as("the recording itself has no gap").isZero();
        BookTickerCheck c = check[0];
        long compared = c.compared.get();
        assertThat(c.mismatches).as("bookTickers disagreeing with the local book").isEmpty();
        long expected = c.tickerIds.stream().filter(c.appliedIds::contains).count();
        assertThat(compared).as("every bookTicker at an applied update id is compared").isEqualTo(expected);
        assertThat(compared).isGreaterThan(400);
        assertThat(comparedBeforeGap).isGreaterThan(100);
        assertThat(compared - comparedBeforeGap).as("agreements after the resync").isGreaterThan(100);
        System.out.printf("%s %s: %d depth events, %d bookTickers compared (%d after the resync), 0 mismatches%n",
                day1, symbol, depthEvents, compared, compared - comparedBeforeGap);
    }

    private static DepthSnapshot snapshotOf(OrderBook book, long lastUpdateId) {
        double[] bp = new double[book.bidLevels()];
        double[] bq = new double[bp.length];
        for (int d = 0; d < bp.length; d++) {
            bp[d] = book.bidPrice(d);
            bq[d] = book.bidQuantity(d);
        }
        double[] ap = new double[book.askLevels()];
        double[] aq = new double[ap.length];
        for (int d = 0; d < ap.length; d++) {
            ap[d] = book.askPrice(d);
            aq[d] = book.askQuantity(d);
        }
        return new DepthSnapshot(lastUpdateId, bp, bq, ap, aq);
    }
}
