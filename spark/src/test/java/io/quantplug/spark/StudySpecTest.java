package io.quantplug.spark;

import io.quantplug.app.UserInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading {@code study.yaml}: optimize's defaults, and one line naming the key for bad input. */
class StudySpecTest {

    @TempDir
    Path tmp;

    private Path file(String text) throws IOException {
        Path f = tmp.resolve("study.yaml");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void absentKeysTakeTheDefaultsOfOptimize() throws IOException {
        StudySpec spec = StudySpec.read(file("data: bars.csv\nstrategy: sma-crossover\ngrid: ['fast=5..15:5']\n"
                + "plugins: plugins\noutput: out\nparams: {slow: 30}\n"));
        assertThat(spec.objective()).isEqualTo("sharpe");
        assertThat(spec.feeBps()).isEqualByComparingTo(new BigDecimal("10"));
        assertThat(spec.capital()).isEqualByComparingTo(new BigDecimal("10000"));
        assertThat(spec.slippageBps()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(spec.venue()).isEqualTo("BINANCE");
        assertThat(spec.pboBlocks()).isEqualTo(16);
        assertThat(spec.seed()).isZero();
        assertThat(spec.warmupBars()).isZero();
        assertThat(spec.params()).containsEntry("slow", "30");
        assertThat(spec.store()).isNull();
    }

    @Test
    void anUnknownKeyIsNamedWithTheAllowedOnes() throws IOException {
        Path f = file("data: bars.csv\nstrategy: sma-crossover\ngrids: ['fast=5..15:5']\n");
        assertThatThrownBy(() -> StudySpec.read(f)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("line 3, column 1: unknown key 'grids'; allowed: capital, constraints, data,")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aMissingRequiredKeyOrABadValueIsNamed() throws IOException {
        Path noPlugins = file("data: bars.csv\nstrategy: sma-crossover\ngrid: ['fast=5..15:5']\noutput: out\n");
        assertThatThrownBy(() -> StudySpec.read(noPlugins)).isInstanceOf(UserInputException.class)
                .hasMessageEndingWith(": missing key 'plugins'; required keys: data, strategy, grid, plugins, output");
        String base = "data: bars.csv\nstrategy: sma-crossover\nplugins: p\noutput: out\n";
        assertThatThrownBy(() -> StudySpec.read(file(base))).hasMessageContaining("'grid' needs at least one");
        assertThatThrownBy(() -> StudySpec.read(file(base + "grid: ['fast=5..15:5']\nobjective: cagr\n")))
                .hasMessageEndingWith("'objective': unknown objective 'cagr'; one of sharpe, sortino, calmar,"
                        + " totalReturn, profitFactor");
        assertThatThrownBy(() -> StudySpec.read(file(base + "grid: ['fast=5..15:5']\npboBlocks: 5\n")))
                .hasMessageEndingWith("'pboBlocks' must be even, from 2 to 30, got 5");
        assertThatThrownBy(() -> StudySpec.read(file(base + "grid: ['fast=5..15:5']\nslices: 0\n")))
                .hasMessageEndingWith("'slices' must be >= 1, got 0");
        assertThatThrownBy(() -> StudySpec.read(file(base + "grid: ['fast=5..15:5']\nfeeBps: lots\n")))
                .hasMessageContaining("'feeBps': not a valid value");
    }
}
