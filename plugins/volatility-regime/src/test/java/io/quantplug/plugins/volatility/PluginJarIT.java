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
import java.util.ArrayList;
import java.util.Enumeration;
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

    private static Path pluginJar() {
        String path = System.getProperty("quantplug.pluginJar");
        assertThat(path).as("system property quantplug.pluginJar (set by the failsafe configuration)").isNotNull();
        Path jar = Path.of(path);
        assertThat(jar).as("the built plugin jar").isRegularFile();
        return jar;
    }

    @Test
    void bundlesSdkVolatilityAndCommonsMathButNothingThePlatformProvides() throws IOException {
        List<String> services = new ArrayList<>();
        try (JarFile jar = new JarFile(pluginJar().toFile())) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (name.startsWith(SERVICES) && !name.equals(SERVICES)) {
                    services.add(name);
                }
                assertThat(name).doesNotStartWith("io/quantplug/api/").doesNotStartWith("io/quantplug/runtime/")
                        .doesNotStartWith("org/pf4j/").doesNotStartWith("org/slf4j/")
                        .doesNotEndWith("module-info.class");
                if (name.startsWith("io/quantplug/sdk/") && !name.equals("io/quantplug/sdk/")) {
                    assertThat(name).as("the only SDK classes bundled are sdk-volatility's")
                            .startsWith("io/quantplug/sdk/volatility/");
                }
            }
            assertThat(services).containsExactlyInAnyOrder(SERVICES + "io.quantplug.api.strategy.StrategyProvider",
                    SERVICES + "io.quantplug.api.enhancement.EnhancementProvider",
                    SERVICES + "io.quantplug.api.risk.RiskRuleProvider");
            assertThat(jar.getEntry("io/quantplug/sdk/volatility/GarchFitter.class")).isNotNull();
            assertThat(jar.getEntry("io/quantplug/sdk/volatility/YangZhangEstimator.class")).isNotNull();
            assertThat(jar.getEntry("org/apache/commons/math3/optim/nonlinear/scalar/noderiv/BOBYQAOptimizer.class"))
                    .isNotNull();
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
