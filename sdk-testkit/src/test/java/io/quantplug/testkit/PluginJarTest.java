package io.quantplug.testkit;

import io.quantplug.api.ApiVersion;
import io.quantplug.api.strategy.StrategyProvider;
import io.quantplug.runtime.plugin.PluginStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PluginJarTest {

    private static final String CSV = """
            timestamp,open,high,low,close,volume
            2024-01-01 00:00:00,100.00,101.00,99.00,100.50,10
            2024-01-01 00:01:00,100.50,102.00,100.00,101.50,10
            2024-01-01 00:02:00,101.60,103.00,101.00,102.50,10
            2024-01-01 00:03:00,102.50,104.00,102.00,103.50,10
            2024-01-01 00:04:00,103.70,105.00,103.00,104.50,10
            2024-01-01 00:05:00,104.50,106.00,104.00,105.50,10
            """;

    @TempDir
    Path dir;

    @Test
    void loadsThePluginThroughTheHostAndBacktestsItsStrategy() throws IOException {
        Path jar = pluginJar("scripted-plugin", ">=" + ApiVersion.CURRENT, false);
        Path csv = Files.writeString(dir.resolve("bars.csv"), CSV);

        try (PluginJar plugin = PluginJar.load(jar)) {
            assertThat(plugin.info().id()).isEqualTo("scripted-plugin");
            assertThat(plugin.info().status()).isEqualTo(PluginStatus.STARTED);
            StrategyProvider provider = plugin.strategy("scripted");
            // the plugin's own class loader, not the test's class path
            assertThat(provider.getClass().getClassLoader()).isNotSameAs(getClass().getClassLoader());

            BacktestRun run = PluginBacktest.of(provider).parameters(Map.of("buyAt", 1, "sellAt", 3)).csv(csv)
                    .run();
            assertThat(run.trades()).singleElement().satisfies(t -> {
                assertThat(t.entryPrice()).isEqualByComparingTo("101.60");
                assertThat(t.exitPrice()).isEqualByComparingTo("103.70");
            });
            assertThatThrownBy(() -> plugin.strategy("other")).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("[scripted]");
        }
    }

    @Test
    void failsWhenTheJarBundlesTheApi() throws IOException {
        Path jar = pluginJar("bundles-api", ">=" + ApiVersion.CURRENT, true);

        assertThatThrownBy(() -> PluginJar.load(jar)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("REFUSED").hasMessageContaining("bundles the Quantplug API");
    }

    @Test
    void failsWhenThePluginRequiresAnotherApiVersion() throws IOException {
        Path jar = pluginJar("from-the-future", ">=99.0.0", false);

        assertThatThrownBy(() -> PluginJar.load(jar)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("requires Quantplug API >=99.0.0");
    }

    /** A PF4J plugin jar of {@link ScriptedStrategyProvider}, built from the compiled test classes. */
    private Path pluginJar(String id, String requires, boolean bundleApi) throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().putValue("Plugin-Id", id);
        m.getMainAttributes().putValue("Plugin-Version", "1.0.0");
        m.getMainAttributes().putValue("Plugin-Requires", requires);
        Path jar = dir.resolve(id + ".jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, m)) {
            for (String c : new String[] {"ScriptedStrategyProvider", "ScriptedStrategyProvider$1"}) {
                add(j, "io/quantplug/testkit/" + c + ".class", classBytes(ScriptedStrategyProvider.class, c));
            }
            add(j, "META-INF/services/io.quantplug.api.strategy.StrategyProvider",
                    (ScriptedStrategyProvider.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            if (bundleApi) {
                add(j, "io/quantplug/api/ApiVersion.class", classBytes(ApiVersion.class, "ApiVersion"));
            }
        }
        return jar;
    }

    private static byte[] classBytes(Class<?> sibling, String simpleName) throws IOException {
        try (InputStream in = sibling.getResourceAsStream(simpleName + ".class")) {
            return in.readAllBytes();
        }
    }

    private static void add(JarOutputStream j, String name, byte[] bytes) throws IOException {
        j.putNextEntry(new JarEntry(name));
        j.write(bytes);
        j.closeEntry();
    }
}
