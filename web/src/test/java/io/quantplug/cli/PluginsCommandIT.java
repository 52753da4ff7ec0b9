package io.quantplug.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class PluginsCommandIT {

    @TempDir
    Path tmp;

    @Test
    void listsTheDistributionPluginsWithVersionStateAndExtensions() {
        CliRun run = CliRun.of("plugins");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .containsPattern("sma-crossover\\s+0\\.1\\.0-SNAPSHOT\\s+STARTED\\s+strategy:sma-crossover")
                .containsPattern("rsi-reversion\\s+0\\.1\\.0-SNAPSHOT\\s+STARTED\\s+strategy:rsi-reversion")
                .containsPattern("risk-basics\\s+0\\.1\\.0-SNAPSHOT\\s+STARTED\\s+risk-rule:max-position-notional, "
                        + "risk-rule:max-open-positions, risk-rule:max-order-notional, risk-rule:value-at-risk")
                .containsPattern("circuit-breaker\\s+0\\.1\\.0-SNAPSHOT\\s+STARTED\\s+risk-rule:circuit-breaker, "
                        + "risk-rule:exposure-limits")
                .containsPattern("position-sizers\\s+0\\.1\\.0-SNAPSHOT\\s+STARTED\\s+enhancement:fixed-fractional, "
                        + "enhancement:kelly, enhancement:volatility-target, enhancement:risk-parity, "
                        + "enhancement:kelly-inventory")
                .containsPattern("volatility-regime\\s+0\\.1\\.0-SNAPSHOT\\s+STARTED\\s+strategy:regime-trend, "
                        + "enhancement:volatility-regime, risk-rule:black-swan-guard")
                .containsPattern("volatility-grid\\s+0\\.1\\.0-SNAPSHOT\\s+STARTED\\s+strategy:volatility-grid")
                .containsPattern("binance\\s+0\\.1\\.0-SNAPSHOT\\s+STARTED\\s+exchange-adapter:binance")
                .containsPattern("order-flow\\s+0\\.1\\.0-SNAPSHOT\\s+STARTED\\s+strategy:volume-scalper, "
                        + "strategy:order-flow-detector, enhancement:footprint")
                .containsPattern("perpetuals\\s+0\\.1\\.0-SNAPSHOT\\s+STARTED\\s+strategy:funding-arbitrage, "
                        + "strategy:delta-hedger")
                .containsPattern("pairs-trading\\s+0\\.1\\.0-SNAPSHOT\\s+STARTED\\s+strategy:pairs-trading")
                .contains("13 plugin(s), 27 extension(s)");
    }

    @Test
    void reportsARefusedJarAndExitsNonZero() throws IOException {
        Files.writeString(tmp.resolve("junk.jar"), "not a jar");
        CliRun run = CliRun.of("plugins", "--plugins-dir", tmp.toString());
        assertThat(run.exitCode()).isEqualTo(QuantplugCli.BAD_INPUT);
        assertThat(run.out()).containsPattern("junk.jar\\s+-\\s+REFUSED");
        assertThat(run.err()).contains("plugin junk.jar refused: not a valid jar");
    }

    @Test
    void missingPluginsDirectoryIsOneLine() {
        CliRun run = CliRun.of("plugins", "--plugins-dir", tmp.resolve("absent").toString());
        assertThat(run.exitCode()).isEqualTo(QuantplugCli.BAD_INPUT);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("absent").contains("does not exist");
    }
}
