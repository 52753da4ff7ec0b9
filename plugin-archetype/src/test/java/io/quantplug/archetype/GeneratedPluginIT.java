package io.quantplug.archetype;

import io.quantplug.api.ApiVersion;
import io.quantplug.api.strategy.StrategyProvider;
import io.quantplug.runtime.plugin.PluginHost;
import io.quantplug.runtime.plugin.PluginInfo;
import io.quantplug.runtime.plugin.PluginStatus;
import io.quantplug.testkit.BacktestRun;
import io.quantplug.testkit.PluginBacktest;
import io.quantplug.testkit.TradeExit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The third-party acceptance test: a plugin project generated from this archetype, built outside the reactor with
 * {@code mvn -o package} as a plugin author would build it, then loaded by the platform's {@link PluginHost} and
 * backtested.
 *
 * <p>The nested Maven runs use their own local repository, {@code target/it-repo}, into which the build's invoker
 * plugin installed this archetype and the SDK artifacts of the reactor (plugin parent, BOM, API, SDK, test kit,
 * runtime, with their parents and dependencies), so nothing of Quantplug has to be installed in {@code ~/.m2}.
 * Everything else a plugin build needs (Maven plugins, surefire's JUnit provider) is read from this build's local
 * repository, named in a settings file as the {@code central} repository with a {@code file://} URL; offline mode
 * is kept ({@code -o}) with {@code aether.offline.protocols=file}, which lets Maven read {@code file://} repositories
 * and nothing else. Logs of the nested builds are in {@code target/it-work/*.log}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GeneratedPluginIT {

    static final String ARTIFACT_ID = "my-strategy";
    /** A second project: class names come from the artifactId, whatever it is. */
    static final String OTHER_ARTIFACT_ID = "my-breakout";
    static final long TIMEOUT_MINUTES = 4;

    static Path work;
    static Path settings;
    static Path project;
    static Path jar;
    static Path other;

    @BeforeAll
    static void generateAndBuild() throws Exception {
        work = Path.of(property("it.work"));
        deleteRecursively(work);
        Files.createDirectories(work);
        settings = writeSettings(work.resolve("settings.xml"), Path.of(property("outer.repo")));

        mvn(work, "generate", "org.apache.maven.plugins:maven-archetype-plugin:"
                        + property("archetype.plugin.version") + ":generate",
                "-DarchetypeGroupId=io.quantplug", "-DarchetypeArtifactId=plugin-archetype",
                "-DarchetypeVersion=" + property("quantplug.version"), "-DgroupId=com.example",
                "-DartifactId=" + ARTIFACT_ID, "-Dpackage=com.example.mystrategy", "-DinteractiveMode=false");
        project = work.resolve(ARTIFACT_ID);

        mvn(project, "package", "package");
        jar = project.resolve("target/" + ARTIFACT_ID + "-0.1.0-SNAPSHOT.jar");

        mvn(work, "generate-other", "org.apache.maven.plugins:maven-archetype-plugin:"
                        + property("archetype.plugin.version") + ":generate",
                "-DarchetypeGroupId=io.quantplug", "-DarchetypeArtifactId=plugin-archetype",
                "-DarchetypeVersion=" + property("quantplug.version"), "-DgroupId=org.example.trading",
                "-DartifactId=" + OTHER_ARTIFACT_ID, "-Dpackage=org.example.trading.breakout",
                "-DinteractiveMode=false");
        other = work.resolve(OTHER_ARTIFACT_ID);
        mvn(other, "package-other", "package");
    }

    @Test
    @Order(1)
    void generatesAProviderAStrategyItsProviderFileATestAndAReadme() throws IOException {
        Path pkg = project.resolve("src/main/java/com/example/mystrategy");
        assertThat(pkg.resolve("MyStrategyProvider.java")).content().contains("package com.example.mystrategy;")
                .contains("public final class MyStrategyProvider implements StrategyProvider")
                .contains("public static final String ID = \"my-strategy\";");
        assertThat(pkg.resolve("MyStrategy.java")).content().contains("final class MyStrategy implements Strategy");
        assertThat(project.resolve("src/main/resources/META-INF/services/io.quantplug.api.strategy.StrategyProvider"))
                .content().isEqualToIgnoringNewLines("com.example.mystrategy.MyStrategyProvider");
        assertThat(project.resolve("src/test/java/com/example/mystrategy/MyStrategyTest.java")).content()
                .contains("class MyStrategyTest")
                .doesNotContain("io.quantplug.runtime");   // the test kit's and the API's types only
        assertThat(project.resolve("src/test/resources/btcusdt-1h-synthetic.csv")).exists();
        assertThat(project.resolve("README.md")).content().contains("--strategy my-strategy");
        assertThat(project.resolve(".gitignore")).content().contains("target/");
        assertThat(project.resolve("pom.xml")).content()
                .contains("<artifactId>quantplug-plugin-parent</artifactId>")
                .contains("<version>" + property("quantplug.version") + "</version>")
                .contains("<plugin.id>my-strategy</plugin.id>");
    }

    @Test
    @Order(2)
    void buildsOfflineRunningItsTestKitTest() throws IOException {
        String log = Files.readString(work.resolve("package.log"));
        assertThat(log).contains("Tests run: 3, Failures: 0, Errors: 0, Skipped: 0").contains("BUILD SUCCESS");
        assertThat(jar).exists();
    }

    @Test
    @Order(2)
    void namesTheClassesAfterAnyArtifactIdAndThatProjectBuildsAndPassesItsTests() throws IOException {
        Path pkg = other.resolve("src/main/java/org/example/trading/breakout");
        assertThat(pkg.resolve("MyBreakout.java")).content().contains("final class MyBreakout implements Strategy")
                .contains("SNAPSHOT_LAYOUT = \"my-breakout\"");
        assertThat(pkg.resolve("MyBreakoutProvider.java")).content()
                .contains("public static final String ID = \"my-breakout\";");
        assertThat(other.resolve("src/test/java/org/example/trading/breakout/MyBreakoutTest.java")).exists();
        assertThat(other.resolve("src/main/resources/META-INF/services/io.quantplug.api.strategy.StrategyProvider"))
                .content().isEqualToIgnoringNewLines("org.example.trading.breakout.MyBreakoutProvider");
        assertThat(other.resolve("README.md")).content().contains("MyBreakoutProvider.java");
        assertThat(Files.readString(work.resolve("package-other.log")))
                .contains("Tests run: 3, Failures: 0, Errors: 0, Skipped: 0").contains("BUILD SUCCESS");
        try (JarFile jf = new JarFile(other.resolve("target/" + OTHER_ARTIFACT_ID + "-0.1.0-SNAPSHOT.jar").toFile())) {
            assertThat(entries(jf)).contains("org/example/trading/breakout/MyBreakout.class",
                    "org/example/trading/breakout/MyBreakoutProvider.class");
            assertThat(jf.getManifest().getMainAttributes().getValue("Plugin-Id")).isEqualTo(OTHER_ARTIFACT_ID);
        }
    }

    @Test
    @Order(3)
    void theJarCarriesThePf4jManifestAndNeitherTheApiNorTheSdk() throws IOException {
        try (JarFile jf = new JarFile(jar.toFile())) {
            Manifest m = jf.getManifest();
            assertThat(m.getMainAttributes().getValue("Plugin-Id")).isEqualTo(ARTIFACT_ID);
            assertThat(m.getMainAttributes().getValue("Plugin-Version")).isEqualTo("0.1.0-SNAPSHOT");
            assertThat(m.getMainAttributes().getValue("Plugin-Requires"))
                    .isEqualTo(property("quantplug.plugin.requires"));
            assertThat(m.getMainAttributes().getValue("Plugin-Provider")).isEqualTo("com.example");
            assertThat(m.getMainAttributes().getValue("Plugin-Description"))
                    .isEqualTo("Long while the close is above its simple moving average.");
            assertThat(entries(jf)).contains("com/example/mystrategy/MyStrategyProvider.class",
                            "META-INF/services/io.quantplug.api.strategy.StrategyProvider")
                    .noneMatch(e -> e.startsWith("io/quantplug/"));
        }
    }

    @Test
    @Order(4)
    void thePluginHostLoadsTheJarAndItsStrategyBacktests() throws IOException {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        Files.copy(jar, plugins.resolve(jar.getFileName()));
        try (PluginHost host = PluginHost.open(plugins)) {
            PluginInfo info = host.plugins().get(0);
            assertThat(info.problem()).isNull();
            assertThat(info.status()).isEqualTo(PluginStatus.STARTED);
            assertThat(info.id()).isEqualTo(ARTIFACT_ID);
            StrategyProvider provider = host.catalog().strategy(ARTIFACT_ID).orElseThrow();
            assertThat(provider.descriptor().parameters().find("period")).isPresent();

            BacktestRun run = PluginBacktest.of(provider).parameters(Map.of("period", 10))
                    .csv(project.resolve("src/test/resources/btcusdt-1h-synthetic.csv")).fees(10).run();
            assertThat(run.closedTrades()).hasSize(2);
            assertThat(run.closedTrades().get(0).entryBar()).isEqualTo(18);
            assertThat(run.closedTrades().get(1).exit()).isEqualTo(TradeExit.END_OF_DATA);
            assertThat(run.summary().totalReturn()).isPositive();
        }
    }

    @Test
    @Order(5)
    void bundlesThePluginsOwnLibrariesButNotWhatTheRuntimeProvides() throws Exception {
        // The generated project plus two compile-scope libraries: FastCSV (no dependencies) and HikariCP, which
        // depends on SLF4J (an older version than the runtime's: the plugin parent manages it to the runtime's, at
        // provided scope); both are in the nested builds' repository because the runtime uses them.
        Path copy = work.resolve("with-libraries");
        copyRecursively(project, copy);
        Path pom = copy.resolve("pom.xml");
        String withDependencies = Files.readString(pom).replace("</project>", """
                  <dependencies>
                    <dependency>
                      <groupId>de.siegmar</groupId>
                      <artifactId>fastcsv</artifactId>
                      <version>4.0.0</version>
                    </dependency>
                    <dependency>
                      <groupId>com.zaxxer</groupId>
                      <artifactId>HikariCP</artifactId>
                      <version>7.1.0</version>
                    </dependency>
                  </dependencies>
                </project>
                """);
        Files.writeString(pom, withDependencies);
        deleteRecursively(copy.resolve("target"));

        mvn(copy, "package-with-libraries", "package", "-DskipTests");

        Path bundled = copy.resolve("target/" + ARTIFACT_ID + "-0.1.0-SNAPSHOT.jar");
        try (JarFile jf = new JarFile(bundled.toFile())) {
            List<String> entries = entries(jf);
            assertThat(entries).anyMatch(e -> e.startsWith("de/siegmar/fastcsv/"))
                    .anyMatch(e -> e.startsWith("com/zaxxer/hikari/"))
                    .noneMatch(e -> e.startsWith("io/quantplug/api/") || e.startsWith("io/quantplug/sdk/"))
                    .noneMatch(e -> e.startsWith("org/slf4j/") || e.startsWith("org/pf4j/"))
                    .noneMatch(e -> e.endsWith("module-info.class"));
            assertThat(jf.getManifest().getMainAttributes().getValue("Plugin-Id")).isEqualTo(ARTIFACT_ID);
        }
        Path plugins = Files.createDirectories(work.resolve("plugins-with-libraries"));
        Files.copy(bundled, plugins.resolve(bundled.getFileName()));
        try (PluginHost host = PluginHost.open(plugins, ApiVersion.CURRENT)) {
            assertThat(host.plugins()).singleElement().satisfies(p -> {
                assertThat(p.problem()).isNull();
                assertThat(p.status()).isEqualTo(PluginStatus.STARTED);
            });
        }
    }

    @Test
    @Order(6)
    void aPluginWithoutPluginIdFailsBeforeCompiling() throws Exception {
        Path copy = work.resolve("without-id");
        copyRecursively(project, copy);
        deleteRecursively(copy.resolve("target"));
        Path pom = copy.resolve("pom.xml");
        Files.writeString(pom, Files.readString(pom).replace("<plugin.id>my-strategy</plugin.id>", ""));

        int exit = run(copy, "validate-without-id", "validate");

        String log = Files.readString(work.resolve("validate-without-id.log"));
        assertThat(exit).isNotZero();
        assertThat(log).contains("Set the property plugin.id in this plugin's pom.xml");
    }

    // ---------------------------------------------------------------------------------------------------------

    private static String property(String name) {
        String v = System.getProperty(name);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set (run through failsafe)");
        }
        return v;
    }

    /** The local repository of this build, read as the only remote repository, releases only. */
    private static Path writeSettings(Path file, Path outerRepository) throws IOException {
        String url = outerRepository.toAbsolutePath().toUri().toString();
        String repository = """
                    <id>central</id>
                    <url>%s</url>
                    <releases><enabled>true</enabled><checksumPolicy>ignore</checksumPolicy></releases>
                    <snapshots><enabled>false</enabled></snapshots>
                """.formatted(url);
        return Files.writeString(file, """
                <settings>
                  <profiles>
                    <profile>
                      <id>outer-build-repository</id>
                      <repositories><repository>
                %s      </repository></repositories>
                      <pluginRepositories><pluginRepository>
                %s      </pluginRepository></pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles><activeProfile>outer-build-repository</activeProfile></activeProfiles>
                </settings>
                """.formatted(repository, repository));
    }

    private static void mvn(Path dir, String name, String... args) throws Exception {
        int exit = run(dir, name, args);
        if (exit != 0) {
            List<String> lines = Files.readAllLines(work.resolve(name + ".log"));
            throw new AssertionError("nested 'mvn " + String.join(" ", args) + "' in " + dir + " exited with " + exit
                    + "; last lines of " + work.resolve(name + ".log") + ":\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size())));
        }
    }

    /** Runs Maven offline against the nested repository; the output goes to {@code target/it-work/NAME.log}. */
    private static int run(Path dir, String name, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(property("maven.home"), "bin", "mvn").toString(),
                "-B", "-ntp", "-o", "-Daether.offline.protocols=file", "-s", settings.toString(),
                "-Dmaven.repo.local=" + property("it.repo")));
        Collections.addAll(command, args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve(name + ".log").toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().remove("MAVEN_ARGS");
        long start = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("nested 'mvn " + String.join(" ", args) + "' did not finish within "
                    + TIMEOUT_MINUTES + " minutes");
        }
        Files.writeString(work.resolve(name + ".log"), "\n[IT] exit " + p.exitValue() + " after "
                + (System.nanoTime() - start) / 1_000_000 + " ms\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        return p.exitValue();
    }

    private static List<String> entries(JarFile jf) {
        return jf.stream().map(e -> e.getName()).toList();
    }

    private static void copyRecursively(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
