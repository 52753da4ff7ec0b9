package io.quantplug.plugins.binance.rest;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentKind;
import io.quantplug.plugins.binance.testserver.BinanceTestServer;
import io.quantplug.plugins.binance.testserver.Fixtures;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Expected values are read by hand from the recorded payloads named in each test. */
class ExchangeInfoParserTest {

    private static Map<String, Instrument> bySymbol(List<Instrument> instruments) {
        return instruments.stream().collect(Collectors.toMap(i -> i.id().symbol(), Function.identity()));
    }

    @Test
    void spotFiltersOfBtcAndEthUsdtFromNautilusFixture() {
        List<Instrument> list = ExchangeInfoParser.parse(BinanceTestServer.tree(
                Fixtures.text(Fixtures.NAUTILUS_SPOT_INFO_BTC_ETH)), BinanceMarket.SPOT);
        Map<String, Instrument> map = bySymbol(list);
        Instrument btc = map.get("BTCUSDT");
        assertThat(btc.id().venue()).isEqualTo("BINANCE");
        assertThat(btc.baseAsset()).isEqualTo("BTC");
        assertThat(btc.quoteAsset()).isEqualTo("USDT");
        assertThat(btc.tickSize()).isEqualByComparingTo("0.01");
        assertThat(btc.lotSize()).isEqualByComparingTo("0.00001");
        assertThat(btc.minQuantity()).isEqualByComparingTo("0.00001");
        assertThat(btc.minNotional()).isEqualByComparingTo("10");
        assertThat(btc.kind()).isEqualTo(InstrumentKind.SPOT);
        assertThat(map.get("ETHUSDT").lotSize()).isEqualByComparingTo("0.0001");
    }

    @Test
    void aSymbolWithoutFiltersIsSkipped() {
        // nautilus spot/http_json/exchange_info_response.json: ETHBTC with "filters": []
        assertThat(ExchangeInfoParser.parse(BinanceTestServer.tree(Fixtures.text(Fixtures.NAUTILUS_SPOT_INFO)),
                BinanceMarket.SPOT)).isEmpty();
    }

    @Test
    void usdmContractsWithNotionalFilterAndContractKind() {
        Map<String, Instrument> map = bySymbol(ExchangeInfoParser.parse(BinanceTestServer.tree(
                Fixtures.text(Fixtures.NAUTILUS_USDM_INFO)), BinanceMarket.USDM));
        assertThat(map).hasSize(3);
        Instrument perp = map.get("BTCUSDT");
        assertThat(perp.id().venue()).isEqualTo("BINANCE_USDM");
        assertThat(perp.kind()).isEqualTo(InstrumentKind.PERPETUAL);
        assertThat(perp.tickSize()).isEqualByComparingTo("0.10");
        assertThat(perp.lotSize()).isEqualByComparingTo("0.001");
        assertThat(perp.minQuantity()).isEqualByComparingTo("0.001");
        assertThat(perp.minNotional()).isEqualByComparingTo("10");
        Instrument quarter = map.get("BTCUSDT_220325");
        assertThat(quarter.kind()).isEqualTo(InstrumentKind.FUTURE);
        assertThat(quarter.tickSize()).isEqualByComparingTo("0.1");
        assertThat(map.get("ETHUSDT").tickSize()).isEqualByComparingTo("0.01");
    }

    @Test
    void fullSpotListingCapturedByCryptofeed() {
        String body = Fixtures.cryptofeedBodies(Fixtures.CRYPTOFEED_SPOT)
                .get("https://api.binance.com/api/v3/exchangeInfo");
        Map<String, Instrument> map = bySymbol(ExchangeInfoParser.parse(BinanceTestServer.tree(body),
                BinanceMarket.SPOT));
        // 1695 symbols in the capture, 433 of them in BREAK, every one with PRICE_FILTER and LOT_SIZE
        assertThat(map).hasSize(1695);
        Instrument nkn = map.get("NKNUSDT");
        assertThat(nkn.tickSize()).isEqualByComparingTo("0.0001");
        assertThat(nkn.lotSize()).isEqualByComparingTo("1");
        assertThat(nkn.minQuantity()).isEqualByComparingTo("1");
        assertThat(nkn.minNotional()).isEqualByComparingTo("10");
        Instrument lrc = map.get("LRCBTC");
        assertThat(lrc.quoteAsset()).isEqualTo("BTC");
        assertThat(lrc.tickSize()).isEqualByComparingTo("0.00000001");
        assertThat(lrc.minNotional()).isEqualByComparingTo(new BigDecimal("0.0001"));
        assertThat(map.get("BTCUSDT").lotSize()).isEqualByComparingTo("0.00001");
    }
}
