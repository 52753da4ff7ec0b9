package io.quantplug.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds new versions of the {@code sma-crossover} plugin for hot-swap tests, as a plugin author would: Java source
 * compiled against the API and the SDK on this test's class path, packed with the manifest of the distribution's
 * jar and a higher {@code Plugin-Version}. A build's strategy has the same id and parameters as the sample, reads the
 * sample's snapshot (layout {@code sma-crossover}, version 1: the last {@code slow} closes, the bar count and the
 * last strict side) and behaves observably differently: each signal's reason is
 * {@code LABEL bar N open T restored K} — its label, its count of bars seen (the old build's, carried over, plus its
 * own), the open time of the bar, and how many closes it restored.
 */
final class SmaBuilds {

    private SmaBuilds() {
    }

    /**
     * Builds a version.
     *
     * @param distJar the distribution's sma-crossover jar (for its manifest)
     * @param version the new Plugin-Version
     * @param label   the label its signals carry
     * @param out     where to write the jar
     * @return {@code out}
     * @throws IOException when it cannot be built
     */
    static Path build(Path distJar, String version, String label, Path out) throws IOException {
        Path work = Files.createTempDirectory("sma-build");
        Path src = Files.createDirectories(work.resolve("src/test/sma"));
        Files.writeString(src.resolve("SmaBuildProvider.java"), source(label), StandardCharsets.UTF_8);
        Path classes = Files.createDirectories(work.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "--release", "17", "-proc:none", "-cp",
                System.getProperty("java.class.path"), "-d", classes.toString(),
                src.resolve("SmaBuildProvider.java").toString());
        if (rc != 0) {
            throw new IllegalStateException("the test build of sma-crossover did not compile");
        }
        Manifest m;
        try (JarFile dist = new JarFile(distJar.toFile())) {
            m = new Manifest(dist.getManifest());
        }
        m.getMainAttributes().put(new Attributes.Name("Plugin-Version"), version);
        m.getMainAttributes().remove(new Attributes.Name("Plugin-Class"));
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(out), m);
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                jar.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, jar);
                jar.closeEntry();
            }
            jar.putNextEntry(new JarEntry("META-INF/services/io.quantplug.api.strategy.StrategyProvider"));
            OutputStream o = jar;
            o.write("test.sma.SmaBuildProvider\n".getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return out;
    }

    private static String source(String label) {
        return String.join("\n", List.of(
                "package test.sma;",
                "import io.quantplug.api.ExtensionDescriptor;",
                "import io.quantplug.api.StateSnapshot;",
                "import io.quantplug.api.market.Bar;",
                "import io.quantplug.api.param.ParameterSchema;",
                "import io.quantplug.api.param.ParameterSpec;",
                "import io.quantplug.api.signal.Signal;",
                "import io.quantplug.api.signal.SignalDirection;",
                "import io.quantplug.api.strategy.Strategy;",
                "import io.quantplug.api.strategy.StrategyContext;",
                "import io.quantplug.api.strategy.StrategyProvider;",
                "import io.quantplug.sdk.indicator.Crossing;",
                "import io.quantplug.sdk.indicator.Sma;",
                "import io.quantplug.sdk.snapshot.SnapshotReader;",
                "import io.quantplug.sdk.snapshot.SnapshotWriter;",
                "public final class SmaBuildProvider implements StrategyProvider {",
                "  private static final ExtensionDescriptor D = new ExtensionDescriptor(\"sma-crossover\",",
                "      \"SMA crossover " + label + "\", \"a test build\", ParameterSchema.of(",
                "      ParameterSpec.integer(\"fast\").defaultValue(10).range(1, 1000).unit(\"bars\")",
                "          .description(\"fast\").build(),",
                "      ParameterSpec.integer(\"slow\").defaultValue(30).range(2, 5000).unit(\"bars\")",
                "          .description(\"slow\").build()));",
                "  public ExtensionDescriptor descriptor() { return D; }",
                "  public Strategy create(StrategyContext c) {",
                "    return new Build(c, c.parameters().getInt(\"fast\"), c.parameters().getInt(\"slow\"));",
                "  }",
                "  static final class Build implements Strategy {",
                "    final StrategyContext c; final int fp; final int sp; final double[] closes;",
                "    Sma fast; Sma slow; Crossing crossing = new Crossing(); long seen; int side; int restored;",
                "    Build(StrategyContext c, int fp, int sp) {",
                "      this.c = c; this.fp = fp; this.sp = sp; closes = new double[sp];",
                "      fast = new Sma(fp); slow = new Sma(sp);",
                "    }",
                "    public void onBar(Bar bar) {",
                "      closes[(int) (seen++ % sp)] = bar.close();",
                "      double f = fast.update(bar.close()); double s = slow.update(bar.close());",
                "      if (!slow.isReady()) return;",
                "      side = f > s ? 1 : f < s ? -1 : side;",
                "      String why = \"" + label + " bar \" + seen + \" open \" + bar.openTimeMillis()"
                        + " + \" restored \" + restored;",
                "      switch (crossing.update(f, s)) {",
                "        case UP -> c.emit(Signal.of(c.instrument().id(), SignalDirection.LONG,"
                        + " c.clock().millis(), why));",
                "        case DOWN -> c.emit(Signal.of(c.instrument().id(), SignalDirection.FLAT,"
                        + " c.clock().millis(), why));",
                "        default -> { }",
                "      }",
                "    }",
                "    public StateSnapshot snapshot() {",
                "      int n = (int) Math.min(seen, sp); double[] last = new double[n];",
                "      for (int i = 0; i < n; i++) last[i] = closes[(int) ((seen - n + i) % sp)];",
                "      return new SnapshotWriter(\"sma-crossover\", 1).putLong(\"fast\", fp).putLong(\"slow\", sp)",
                "          .putLong(\"seen\", seen).putDoubles(\"closes\", last).putLong(\"side\", side).toSnapshot();",
                "    }",
                "    public boolean restore(StateSnapshot snapshot) {",
                "      if (!SnapshotReader.canRead(snapshot, \"sma-crossover\", 1)) return false;",
                "      SnapshotReader in = new SnapshotReader(snapshot, \"sma-crossover\", 1);",
                "      if (in.getLong(\"fast\") != fp || in.getLong(\"slow\") != sp) return false;",
                "      seen = in.getLong(\"seen\"); double[] last = in.getDoubles(\"closes\");",
                "      for (int i = 0; i < last.length; i++) {",
                "        closes[(int) ((seen - last.length + i) % sp)] = last[i];",
                "        fast.update(last[i]); slow.update(last[i]);",
                "      }",
                "      side = (int) in.getLong(\"side\");",
                "      if (side != 0) crossing.update(side, 0);",
                "      restored = last.length;",
                "      return true;",
                "    }",
                "  }",
                "}"));
    }
}
