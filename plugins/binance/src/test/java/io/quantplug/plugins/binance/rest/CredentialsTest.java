package io.quantplug.plugins.binance.rest;

import io.quantplug.api.order.ClientOrderId;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.plugins.binance.BinanceAdapter;
import io.quantplug.plugins.binance.testserver.BinanceTestServer;
import io.quantplug.plugins.binance.testserver.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Credentials come from the environment or files, pick their signer, and never show up in text. */
class CredentialsTest {

    private static final String KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    private static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

    @Test
    void readsKeyAndHmacSecretFromVariables() {
        BinanceCredentials c = BinanceCredentials.fromEnvironment(Map.of(BinanceCredentials.API_KEY, KEY,
                BinanceCredentials.API_SECRET, SECRET)::get).orElseThrow();
        assertThat(c.apiKey()).isEqualTo(KEY);
        assertThat(c.signer()).isInstanceOf(HmacSha256Signer.class);
        assertThat(c.toString()).doesNotContain(KEY).doesNotContain(SECRET);
    }

    @Test
    void readsAnEd25519PemFromASecretFile(@TempDir Path dir) throws Exception {
        Path pem = Files.writeString(dir.resolve("key.pem"), SignersTest.pkcs8Pem(HexFormat.of().parseHex(
                "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")));
        Path key = Files.writeString(dir.resolve("key.txt"), KEY + "\n");
        BinanceCredentials c = BinanceCredentials.fromEnvironment(Map.of("QUANTPLUG_BINANCE_API_KEY_FILE",
                key.toString(), "QUANTPLUG_BINANCE_API_SECRET_FILE", pem.toString())::get).orElseThrow();
        assertThat(c.apiKey()).isEqualTo(KEY);
        assertThat(c.signer()).isInstanceOf(Ed25519Signer.class);
    }

    @Test
    void noVariablesMeansNoCredentialsAndHalfSetIsRefusedWithoutEchoingTheValue() {
        assertThat(BinanceCredentials.fromEnvironment(Map.<String, String>of()::get)).isEmpty();
        assertThatThrownBy(() -> BinanceCredentials.fromEnvironment(Map.of(BinanceCredentials.API_KEY, KEY)::get))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("QUANTPLUG_BINANCE_API_SECRET")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY));
        assertThatThrownBy(() -> BinanceCredentials.fromEnvironment(Map.of(BinanceCredentials.API_KEY, KEY,
                BinanceCredentials.API_SECRET, "-----BEGIN PRIVATE KEY-----\n" + SECRET
                        + "\n-----END PRIVATE KEY-----")::get))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain(KEY));
    }

    @Test
    void noFailureMessageOrToStringCarriesTheKeySecretOrSignature() {
        try (BinanceTestServer server = BinanceTestServer.spot(Fixtures.text(Fixtures.NAUTILUS_SPOT_INFO_BTC_ETH))) {
            server.acceptHmac(KEY, "another-secret");
            BinanceCredentials credentials = new BinanceCredentials(KEY, new HmacSha256Signer(SECRET));
            BinanceRestClient client = TestClients.client(server, BinanceMarket.SPOT, credentials,
                    TestClients.quick());
            BinanceAdapter adapter = new BinanceAdapter(client, URI.create("ws://127.0.0.1:9"));
            Throwable failure = org.assertj.core.api.Assertions.catchThrowable(adapter::balances);
            assertThat(failure).isInstanceOf(BinanceApiException.class);
            String signature = server.requests().get(server.requests().size() - 1).rawQuery()
                    .replaceAll(".*signature=", "");
            assertThat(signature).hasSize(64);
            Throwable cancel = org.assertj.core.api.Assertions.catchThrowable(() -> client.cancelOrder(
                    InstrumentId.of("BTCUSDT", "BINANCE"), new ClientOrderId("x")));
            for (String text : new String[] {String.valueOf(failure), String.valueOf(failure.getCause()),
                    String.valueOf(cancel), adapter.toString(), credentials.toString(),
                    client.transport().credentials().orElseThrow().toString()}) {
                assertThat(text).doesNotContain(KEY).doesNotContain(SECRET).doesNotContain(signature);
            }
        }
    }
}
