package io.quantplug.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import io.quantplug.api.exchange.ExchangeListener;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.OrderBookSnapshot;
import io.quantplug.api.market.TradeTick;
import io.quantplug.api.order.OrderEvent;
import io.quantplug.sdk.marketdata.binance.DepthSnapshotDecoder;
import io.quantplug.sdk.marketdata.binance.MarketMessageKind;
import io.quantplug.sdk.marketdata.binance.MarketStreamDecoder;
import io.quantplug.plugins.binance.stream.MarketStreamHandler;
import io.quantplug.sdk.book.DepthSequencer;
import io.quantplug.sdk.book.DepthSnapshot;
import io.quantplug.sdk.book.OrderBook;
import io.quantplug.sdk.book.SequenceRule;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

/**
 * Decoding Binance diff-depth messages (combined-stream JSON text, as received) and applying them to the local
 * book through the sequencer, on the first {@value #UPDATES} depth messages after the REST snapshot of a shared
 * raw recording ({@code binance-ws-raw-2024-08-08}: spot BTCUSDT {@code depth@100ms}, USD-M BTCUSDT
 * {@code depth@0ms}). Each invocation loads the recorded snapshot (1,000 levels a side) and applies the
 * {@value #UPDATES} messages in order, so the sequence checks pass as live. Scores are depth-update messages per
 * second; each message carries many level changes (45.7 on average in the spot window, 70.2 in the USD-M one), so
 * level updates per second are the score times that.
 *
 * <ul>
 *   <li>{@code decodeAndApply}: {@code MarketStreamDecoder} (Jackson streaming parser) + {@code DepthSequencer}
 *       + {@code OrderBook};</li>
 *   <li>{@code handlerTop10}: the adapter's whole path, {@code MarketStreamHandler}, reporting each change as an
 *       {@code OrderBookSnapshot} of 10 levels a side to a listener.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1)
public class DepthDecodeBenchmark {

    static final int UPDATES = 6000;

    @Param({"spot_btcusdt", "usdm_btcusdt"})
    public String recording;

    private final JsonFactory json = new JsonFactory();
    private String[] messages;
    private DepthSnapshot snapshot;
    private MarketStreamDecoder decoder;
    private DepthSequencer sequencer;
    private MarketStreamHandler handler;

    @Setup
    public void load() throws IOException {
        boolean spot = recording.startsWith("spot");
        List<String> depth = new ArrayList<>();
        String[] files = spot ? new String[]{"spot_btcusdt_20240808.gz", "spot_btcusdt_20240809.gz"}
                : new String[]{"usdm_btcusdt_20240808.gz"};
        for (String f : files) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                    Files.newInputStream(BenchmarkData.file("binance-ws-raw-2024-08-08/" + f))),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    String text = line.substring(line.indexOf(' ') + 1);
                    if (text.startsWith("{\"lastUpdateId\"")) {
                        snapshot = new DepthSnapshotDecoder(json).decode(text);
                    } else if (text.contains("\"depthUpdate\"")) {
                        depth.add(text);
                    }
                }
            }
        }
        // keep the events from the one bridging the snapshot on (some arrived before the snapshot line)
        MarketStreamDecoder probe = new MarketStreamDecoder(json);
        depth.removeIf(m -> {
            probe.decode(m);
            long u = probe.depthUpdate().finalUpdateId();
            return spot ? u <= snapshot.lastUpdateId() : u < snapshot.lastUpdateId();
        });
        if (depth.size() < UPDATES) {
            throw new IllegalStateException(recording + ": only " + depth.size() + " depth updates");
        }
        messages = depth.subList(0, UPDATES).toArray(new String[0]);
        SequenceRule rule = spot ? SequenceRule.SPOT : SequenceRule.FUTURES;
        decoder = new MarketStreamDecoder(json);
        sequencer = new DepthSequencer(rule, new OrderBook(), 1000);
        handler = new MarketStreamHandler(new MarketStreamDecoder(json), "BINANCE", rule,
                s -> CompletableFuture.completedFuture(snapshot), new Sink(), null, () -> 0L, 10, 100_000, 0);
        handler.track("BTCUSDT");
        // check once that the whole batch applies without a gap
        long applied = decodeAndApply();
        if (sequencer.gaps() != 0 || applied < UPDATES - 10) {
            throw new IllegalStateException(recording + ": sequence broke (" + sequencer.gaps() + " gaps)");
        }
    }

    @Benchmark
    @OperationsPerInvocation(UPDATES)
    public long decodeAndApply() {
        sequencer.onSnapshot(snapshot);
        long applied = 0;
        for (String m : messages) {
            if (decoder.decode(m) == MarketMessageKind.DEPTH_UPDATE
                    && sequencer.accept(decoder.depthUpdate()) == DepthSequencer.Outcome.APPLIED) {
                applied++;
            }
        }
        return applied;
    }

    @Benchmark
    @OperationsPerInvocation(UPDATES)
    public void handlerTop10(Blackhole bh) {
        handler.resyncAll();
        for (String m : messages) {
            handler.onMessage(m);
        }
        bh.consume(handler.book("BTCUSDT").bestBidPrice());
    }

    /** Consumes the reported books. */
    private static final class Sink implements ExchangeListener {
        private long books;

        @Override
        public void onBar(Bar bar) {
        }

        @Override
        public void onTrade(TradeTick trade) {
        }

        @Override
        public void onOrderBook(OrderBookSnapshot book) {
            books += book.bids().size();
        }

        @Override
        public void onOrderEvent(OrderEvent event) {
        }

        @Override
        public void onConnectionChange(boolean connected, String detail) {
        }
    }
}
