package io.quantplug.plugins.binance.stream;

import io.quantplug.sdk.marketdata.binance.MarketStreamDecoder;
import io.quantplug.sdk.marketdata.binance.MarketMessageKind;
import io.quantplug.sdk.marketdata.binance.BookTicker;
import io.quantplug.plugins.binance.testserver.RecordingListener;
import com.fasterxml.jackson.core.JsonFactory;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.market.TradeTick;
import io.quantplug.api.order.Side;
import io.quantplug.sdk.book.SequenceRule;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** Market-stream payloads recorded from Binance (nautilus fixtures); expected values read off the payload text. */
class MarketPayloadDecodingTest {

    private final RecordingListener listener = new RecordingListener();
    private final List<BookTicker> tickers = new ArrayList<>();
    private final MarketStreamHandler handler = new MarketStreamHandler(new MarketStreamDecoder(new JsonFactory()),
            "BINANCE", SequenceRule.FUTURES, s -> new CompletableFuture<>(), listener, tickers::add, () -> 0L, 5,
            100, 0);

    @Test
    void onlyAClosedKlineBecomesABarWithThePayloadsFields() {
        handler.onMessage(Fixtures.read("futures/market_data_json/kline_stream_open.json"));
        assertThat(listener.bars).isEmpty();
        handler.onMessage(Fixtures.read("futures/market_data_json/kline_stream_closed.json"));
        // "t": 1638747660000, "i": "1m", "o": "0.0010", "h": "0.0025", "l": "0.0010", "c": "0.0020", "v": "1000"
        assertThat(listener.bars).containsExactly(new Bar(InstrumentId.of("BTCUSDT", "BINANCE"), Timeframe.M1,
                1638747660000L, 0.0010, 0.0025, 0.0010, 0.0020, 1000));
    }

    @Test
    void tradesAndAggregateTradesBecomeTicksWithTheAggressorFromTheMakerFlag() {
        handler.onMessage(Fixtures.read("ws_messages/ws_spot_trade.json"));
        handler.onMessage(Fixtures.read("ws_messages/ws_spot_agg_trade.json"));
        InstrumentId eth = InstrumentId.of("ETHUSDT", "BINANCE");
        // trade: "t": 705291099, "p": "4149.74000000", "q": "0.43870000", "T": 1639351062243, "m": true
        // aggTrade: "a": 226532, "p": "1632.46000000", "q": "0.34305000", "T": 1675759520847, "m": false
        assertThat(listener.trades).containsExactly(
                new TradeTick(eth, 1639351062243L, 4149.74, 0.4387, Side.SELL, "705291099"),
                new TradeTick(eth, 1675759520847L, 1632.46, 0.34305, Side.BUY, "226532"));
    }

    @Test
    void bookTickerAndDepthUpdateAreDecoded() {
        handler.onMessage(Fixtures.read("futures/market_data_json/book_ticker_stream.json"));
        // "u": 400900217, "b": "25.35190000", "B": "31.21000000", "a": "25.36520000", "A": "40.66000000"
        assertThat(tickers).containsExactly(new BookTicker(InstrumentId.of("BNBUSDT", "BINANCE"), 400900217L,
                25.3519, 31.21, 25.3652, 40.66, 1568014460893L));
        assertThat(listener.books).hasSize(1);   // untracked symbol: the ticker is its book

        MarketStreamDecoder decoder = new MarketStreamDecoder(new JsonFactory());
        assertThat(decoder.decode(Fixtures.read("futures/market_data_json/depth_update_stream.json")))
                .isEqualTo(MarketMessageKind.DEPTH_UPDATE);
        // "U": 157, "u": 160, "pu": 149, "b": [["0.0024", "10"]], "a": [["0.0026", "100"]]
        var d = decoder.depthUpdate();
        assertThat(new long[]{d.firstUpdateId(), d.finalUpdateId(), d.previousFinalUpdateId()})
                .containsExactly(157, 160, 149);
        assertThat(new double[]{d.bidPrice(0), d.bidQuantity(0), d.askPrice(0), d.askQuantity(0)})
                .containsExactly(0.0024, 10, 0.0026, 100);
        assertThat(decoder.decode("{\"result\":null,\"id\":1}")).isEqualTo(MarketMessageKind.OTHER);
    }

    @Test
    void malformedMessagesAreSkippedAndCounted() {
        handler.onMessage("{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"p\":\"x1\"");
        handler.onMessage("not json");
        assertThat(handler.skipped()).isEqualTo(2);
        assertThat(listener.trades).isEmpty();
    }
}
