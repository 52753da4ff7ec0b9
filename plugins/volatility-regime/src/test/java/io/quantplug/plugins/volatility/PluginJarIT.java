package io.quantplug.plugins.volatility;

import io.quantplug.runtime.plugin.ExtensionKind;
import io.quantplug.runtime.plugin.PluginHost;
import io.quantplug.runtime.plugin.PluginInfo;
import io.quantplug.runtime.plugin.PluginStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built plugin jar (run by failsafe after {@code package}, on the shaded jar): it bundles sdk-volatility and
 * commons-math3 but not the API, the other SDK packages or the runtime, and the plugin host starts it with its three
 * extensions, their models loaded from the jar through the plugin's own class loader.
 */
class PluginJarIT {

    private static final String SERVICES = "META-INF/services/";

    @TempDir
    Path dir;

    /** The shaded jar failsafe names in the system property {@code quantplug.pluginJar}. */
    private static Path pluginJar() {
        Path jar = Path.of(System.getProperty("quantplug.pluginJar", "(quantplug.pluginJar not set by failsafe)"));
        assertThat(jar).as("the built plugin jar").isRegularFile();
        return jar;
    }

    @Test
    void bundlesSdkVolatilityAndCommonsMathButNothingThePlatformProvides() throws IOException {
        try (JarFile jar = new JarFile(pluginJar().toFile())) {
            List<String> names = jar.stream().map(JarEntry::getName).toList();
            assertThat(names).noneMatch(n -> n.startsWith("io/quantplug/api/") || n.startsWith("io/quantplug/runtime/")
                    || n.startsWith("org/pf4j/") || n.startsWith("org/slf4j/") || n.endsWith("module-info.class"));
            assertThat(names).filteredOn(n -> n.startsWith("io/quantplug/sdk/") && n.endsWith(".class"))
                    .as("the only SDK classes bundled are sdk-volatility's")
                    .allMatch(n -> n.startsWith("io/quantplug/sdk/volatility/"))
                    .contains("io/quantplug/sdk/volatility/GarchFitter.class",
                            "io/quantplug/sdk/volatility/YangZhangEstimator.class");
            assertThat(names).contains("org/apache/commons/math3/optim/nonlinear/scalar/noderiv/BOBYQAOptimizer.class");
            assertThat(names).filteredOn(n -> n.startsWith(SERVICES) && !n.equals(SERVICES)).containsExactlyInAnyOrder(
                    SERVICES + "io.quantplug.api.strategy.StrategyProvider",
                    SERVICES + "io.quantplug.api.enhancement.EnhancementProvider",
                    SERVICES + "io.quantplug.api.risk.RiskRuleProvider");
            assertThat(jar.getManifest().getMainAttributes().getValue("Plugin-Id")).isEqualTo("volatility-regime");
        }
    }

    @Test
    void startsInThePluginHostWithItsModelsFromItsOwnJar() throws Exception {
        try (PluginHost host = PluginHost.open(Files.createDirectories(dir.resolve("plugins")))) {
            PluginInfo regime = host.load(pluginJar());

            assertThat(regime.status()).as(regime.problem()).isEqualTo(PluginStatus.STARTED);
            assertThat(host.catalog().ids(ExtensionKind.ENHANCEMENT)).contains("volatility-regime");
            assertThat(host.catalog().ids(ExtensionKind.RISK_RULE)).contains("black-swan-guard");
            assertThat(host.catalog().ids(ExtensionKind.STRATEGY)).contains("regime-trend");
            ClassLoader loader = host.catalog().enhancement("volatility-regime").orElseThrow().getClass()
                    .getClassLoader();
            assertThat(loader).isNotSameAs(getClass().getClassLoader());
            assertThat(loader.loadClass("io.quantplug.sdk.volatility.GarchFitter").getClassLoader()).isSameAs(loader);
        }
    }
}
