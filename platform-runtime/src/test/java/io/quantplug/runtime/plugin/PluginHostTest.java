package io.quantplug.runtime.plugin;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.strategy.StrategyProvider;
import io.quantplug.runtime.plugin.testplugin.EchoStrategyProvider;
import io.quantplug.runtime.plugin.testplugin.FailingStartPlugin;
import io.quantplug.runtime.plugin.testplugin.LicensedStrategyProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static io.quantplug.runtime.plugin.TestJars.ECHO_SERVICE;
import static io.quantplug.runtime.plugin.TestJars.jar;
import static io.quantplug.runtime.plugin.TestJars.manifest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PluginHostTest {

    @TempDir
    Path dir;

    private PluginInfo only(PluginHost host, String fileName) {
        return host.plugins().stream().filter(p -> p.file().getFileName().toString().equals(fileName)).findFirst()
                .orElseThrow();
    }

    @Test
    void loadsAProviderFromAJarThroughItsServiceDescriptor() throws IOException {
        jar(dir.resolve("echo.jar"), manifest("echo-plugin", ">=0.1.0 & <0.2.0"), ECHO_SERVICE,
                EchoStrategyProvider.class);
        try (PluginHost host = PluginHost.open(dir)) {
            PluginInfo p = only(host, "echo.jar");
            assertThat(p.status()).isEqualTo(PluginStatus.STARTED);
            assertThat(p.id()).isEqualTo("echo-plugin");
            assertThat(p.version()).isEqualTo("1.2.3");
            assertThat(p.problem()).isNull();
            StrategyProvider provider = host.catalog().strategy("echo").orElseThrow();
            // Loaded by the plugin's class loader, not the test's: a separate class with the same name.
            assertThat(provider.getClass()).isNotSameAs(EchoStrategyProvider.class);
            assertThat(provider.getClass().getName()).isEqualTo(EchoStrategyProvider.class.getName());
            ExtensionDescriptor d = provider.descriptor();
            assertThat(d.id()).isEqualTo("echo");
            // the digest taken at start is the jar's, as `sha256sum` would print it
            assertThat(host.sha256(p)).isEqualTo(io.quantplug.runtime.store.PluginRegistry.sha256(
                    dir.resolve("echo.jar"))).hasSize(64);
        }
    }

    @Test
    void refusesAnIncompatibleApiRangeNamingBothVersions() throws IOException {
        jar(dir.resolve("future.jar"), manifest("future", ">=2.0.0"), ECHO_SERVICE, EchoStrategyProvider.class);
        try (PluginHost host = PluginHost.open(dir)) {
            PluginInfo p = only(host, "future.jar");
            assertThat(p.status()).isEqualTo(PluginStatus.REFUSED);
            assertThat(p.problem()).isEqualTo("requires Quantplug API >=2.0.0, but this runtime provides API 0.2.0 (and hosts plugins built for 0.1.0)");
            assertThat(host.catalog().all()).isEmpty();
            assertThat(host.sha256(p)).isEqualTo(io.quantplug.runtime.store.PluginRegistry.sha256(
                    dir.resolve("future.jar"))); // a refused jar is read as it is
        }
    }

    @Test
    void refusesAJarThatBundlesTheApi() throws IOException {
        jar(dir.resolve("fat.jar"), manifest("fat", ">=0.1.0"), ECHO_SERVICE, EchoStrategyProvider.class,
                StrategyProvider.class);
        try (PluginHost host = PluginHost.open(dir)) {
            PluginInfo p = only(host, "fat.jar");
            assertThat(p.status()).isEqualTo(PluginStatus.REFUSED);
            assertThat(p.problem()).contains("bundles the Quantplug API")
                    .contains("io/quantplug/api/strategy/StrategyProvider.class").contains("'provided'");
        }
    }

    @Test
    void marksAPluginWhoseStartThrowsAsFailedWhileOthersLoad() throws IOException {
        Map<String, String> m = new HashMap<>(manifest("broken", ">=0.1.0"));
        m.put("Plugin-Class", FailingStartPlugin.class.getName());
        jar(dir.resolve("a-broken.jar"), m, ECHO_SERVICE, EchoStrategyProvider.class, FailingStartPlugin.class);
        jar(dir.resolve("b-good.jar"), manifest("good", ">=0.1.0"), ECHO_SERVICE, EchoStrategyProvider.class);
        try (PluginHost host = PluginHost.open(dir)) {
            PluginInfo broken = only(host, "a-broken.jar");
            assertThat(broken.status()).isEqualTo(PluginStatus.FAILED);
            assertThat(broken.problem()).contains("start failed").contains("cannot reach the license server");
            assertThat(only(host, "b-good.jar").status()).isEqualTo(PluginStatus.STARTED);
            assertThat(host.catalog().strategy("echo")).isPresent();
        }
    }

    @Test
    void failsAPluginWithoutExtensionsAndOneRepeatingAnotherPluginsExtensionId() throws IOException {
        jar(dir.resolve("a.jar"), manifest("first", ">=0.1.0"), ECHO_SERVICE, EchoStrategyProvider.class);
        jar(dir.resolve("b.jar"), manifest("second", ">=0.1.0"), ECHO_SERVICE, EchoStrategyProvider.class);
        jar(dir.resolve("c.jar"), manifest("empty", ">=0.1.0"), Map.of(), EchoStrategyProvider.class);
        try (PluginHost host = PluginHost.open(dir)) {
            assertThat(only(host, "a.jar").status()).isEqualTo(PluginStatus.STARTED);
            assertThat(only(host, "b.jar").problem()).isEqualTo("strategy id 'echo' is already provided by plugin first");
            assertThat(only(host, "c.jar").problem()).contains("contributes no extension")
                    .contains("META-INF/services/io.quantplug.api.strategy.StrategyProvider");
            assertThat(host.problems()).hasSize(2);
        }
    }

    @Test
    void refusesCorruptJarsJarsWithoutPluginIdAndRepeatedPluginIds() throws IOException {
        Files.writeString(dir.resolve("corrupt.jar"), "PK but not really");
        jar(dir.resolve("lib.jar"), Map.of(), Map.of(), EchoStrategyProvider.class);
        jar(dir.resolve("x1.jar"), manifest("same", ">=0.1.0"), ECHO_SERVICE, EchoStrategyProvider.class);
        jar(dir.resolve("x2.jar"), manifest("same", ">=0.1.0"), ECHO_SERVICE, EchoStrategyProvider.class);
        try (PluginHost host = PluginHost.open(dir)) {
            assertThat(only(host, "corrupt.jar").problem()).startsWith("not a valid jar");
            assertThat(only(host, "lib.jar").problem()).isEqualTo("not a plugin: its manifest has no Plugin-Id");
            assertThat(only(host, "x1.jar").status()).isEqualTo(PluginStatus.STARTED);
            assertThat(only(host, "x2.jar").problem()).isEqualTo("plugin id 'same' is already loaded from x1.jar"
                    + " (version 1.2.3 is not newer than the running 1.2.3)");
        }
    }

    @Test
    void installMovesAStartedUploadOverTheRunningFileAndARefusedOneChangesNothing() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Path running = TestJars.counterJar(plugins.resolve("counter.jar"), "counter", "1.0.0", 3);
        byte[] v1 = Files.readAllBytes(running);
        try (PluginHost host = PluginHost.open(plugins)) {
            Map<String, String> broken = new HashMap<>(manifest("counter", ">=0.1.0"));
            broken.put("Plugin-Class", FailingStartPlugin.class.getName());
            Path bad = jar(plugins.resolve(".upload-1.part"), broken, ECHO_SERVICE, EchoStrategyProvider.class,
                    FailingStartPlugin.class);
            PluginInfo refused = host.install(bad, running);
            assertThat(refused.status()).isEqualTo(PluginStatus.FAILED);
            assertThat(Files.readAllBytes(running)).isEqualTo(v1);
            assertThat(host.plugins()).singleElement().satisfies(p -> {
                assertThat(p.version()).isEqualTo("1.0.0");
                assertThat(p.status()).isEqualTo(PluginStatus.STARTED);
            });

            java.util.List<PluginChange.Kind> changes = new java.util.concurrent.CopyOnWriteArrayList<>();
            host.addListener(c -> changes.add(c.kind()));
            Path good = TestJars.counterJar(plugins.resolve(".upload-2.part"), "counter", "1.1.0", 5);
            byte[] v2 = Files.readAllBytes(good);
            PluginInfo installed = host.install(good, running);
            assertThat(installed.status()).isEqualTo(PluginStatus.STARTED);
            assertThat(installed.version()).isEqualTo("1.1.0");
            assertThat(installed.file()).isEqualTo(running.toAbsolutePath().normalize());
            assertThat(good).doesNotExist();
            assertThat(Files.readAllBytes(running)).isEqualTo(v2);
            // what the directory watcher does next: the same bytes again are no swap
            assertThat(host.load(running)).isSameAs(installed);
            assertThat(changes).containsExactly(PluginChange.Kind.REPLACED);
        }
    }

    @Test
    void aProviderThatThrowsOnCreationAndAMissingPluginClassAreReportedAsSuch() throws IOException {
        jar(dir.resolve("licensed.jar"), manifest("licensed", ">=0.1.0"),
                Map.of("META-INF/services/io.quantplug.api.strategy.StrategyProvider",
                        LicensedStrategyProvider.class.getName() + "\n"), LicensedStrategyProvider.class);
        Map<String, String> m = new HashMap<>(manifest("classless", ">=0.1.0"));
        m.put("Plugin-Class", "com.example.Missing");
        jar(dir.resolve("classless.jar"), m, ECHO_SERVICE, EchoStrategyProvider.class);
        try (PluginHost host = PluginHost.open(dir)) {
            PluginInfo licensed = only(host, "licensed.jar");
            assertThat(licensed.status()).isEqualTo(PluginStatus.FAILED);
            assertThat(licensed.problem()).contains(LicensedStrategyProvider.class.getName())
                    .contains("cannot be created").contains("licence file missing")
                    .doesNotContain("contributes no extension");
            PluginInfo classless = only(host, "classless.jar");
            assertThat(classless.status()).isEqualTo(PluginStatus.FAILED);
            assertThat(classless.problem()).contains("Plugin-Class com.example.Missing cannot be loaded");
        }
    }

    @Test
    void aHigherVersionBesideTheRunningOneIsAnUpgradeAndALowerOneNeedsAnExplicitDowngrade() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        TestJars.counterJar(plugins.resolve("acme-1.0.0.jar"), "acme", "1.0.0", 3);
        TestJars.counterJar(plugins.resolve("acme-1.0.1.jar"), "acme", "1.0.1", 4);
        try (PluginHost host = PluginHost.open(plugins)) {
            assertThat(host.plugins()).singleElement().satisfies(p -> {
                assertThat(p.version()).isEqualTo("1.0.1");
                assertThat(p.status()).isEqualTo(PluginStatus.STARTED);
            });
            assertThat(plugins.resolve("acme-1.0.0.jar")).doesNotExist();
            assertThat(plugins.resolve(PluginHost.RETIRED).resolve("acme-1.0.0.jar")).exists();

            PluginInfo older = host.load(TestJars.counterJar(plugins.resolve("acme-0.9.0.jar"), "acme", "0.9.0", 5));
            assertThat(older.status()).isEqualTo(PluginStatus.REFUSED);
            assertThat(older.problem()).contains("0.9.0 is not newer than the running 1.0.1");
            Path running = plugins.resolve("acme-1.0.1.jar");
            TestJars.counterJar(running, "acme", "1.0.0-rc.1", 6);
            PluginInfo inPlace = host.load(running);
            assertThat(inPlace.status()).isEqualTo(PluginStatus.REFUSED);
            assertThat(inPlace.problem()).contains("older than the running 1.0.1").contains("downgrade");
            assertThat(host.catalog().strategy("acme")).isPresent();

            Path staged = TestJars.counterJar(plugins.resolve(".upload-1.part"), "acme", "0.9.0", 7);
            assertThat(host.install(staged, running).status()).isEqualTo(PluginStatus.REFUSED);
            PluginInfo downgraded = host.install(staged, running, true);
            assertThat(downgraded.status()).isEqualTo(PluginStatus.STARTED);
            assertThat(downgraded.version()).isEqualTo("0.9.0");
        }
    }

    @Test
    void missingDirectoryIsAnError() {
        assertThatThrownBy(() -> PluginHost.open(dir.resolve("absent")))
                .isInstanceOf(PluginLoadException.class).hasMessageContaining("does not exist");
    }
}
