package io.quantplug.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Runs the command line in-process and captures its output. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = QuantplugCli.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    List<String> errLines() {
        return err.lines().filter(l -> !l.isBlank()).toList();
    }

    static Path dist() {
        String d = System.getProperty(CommonOptions.DIST_PROPERTY);
        if (d == null) {
            throw new IllegalStateException("run as an integration test (mvn verify): quantplug.dist is not set");
        }
        return Path.of(d);
    }
}
