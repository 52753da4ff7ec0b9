package io.quantplug.cli;

import io.quantplug.app.SessionRecording;
import io.quantplug.api.market.Bar;
import io.quantplug.runtime.backtest.BacktestProgress;
import io.quantplug.runtime.backtest.BacktestResult;
import io.quantplug.runtime.backtest.BacktestRun;
import io.quantplug.runtime.report.HtmlReport;
import io.quantplug.runtime.report.ResultDocument;
import io.quantplug.runtime.report.ResultJson;
import io.quantplug.runtime.session.PluginFault;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs a paper or live session from the command line to its end: on the calling thread, with a shutdown hook that
 * stops it on SIGTERM or Ctrl-C (before its next bar) and waits up to 30 s for the run to be written, and with the
 * given tasks (the status line, the disconnect watch) each second on a daemon thread; then prints the metrics and
 * plugin faults, writes {@code result.json} and {@code report.html}, and finishes the stored run.
 */
final class SessionDriver {

    /** How long the shutdown hook waits for the run to be written. */
    static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

    private SessionDriver() {
    }

    /**
     * Drives a session.
     *
     * @param name      {@code paper} or {@code live}, for thread names
     * @param run       the session, not started
     * @param taken     the bars it took, for the report (read after the end)
     * @param recording the stored run, or null with {@code --no-store}
     * @param dir       where the result files go
     * @param stdout    standard output
     * @param stderr    standard error
     * @param everySecond tasks run each second while the session runs
     * @return the exit code: OK, PLUGIN_FAULT or STORE_UNAVAILABLE
     */
    static int drive(String name, BacktestRun run, Supplier<List<Bar>> taken, SessionRecording recording, Path dir,
                     PrintWriter stdout, PrintWriter stderr, Runnable... everySecond) {
        CountDownLatch written = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            run.stop("signal");
            try {
                written.await(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "quantplug-" + name + "-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        ScheduledExecutorService status = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "quantplug-" + name + "-status");
            t.setDaemon(true);
            return t;
        });
        for (Runnable task : everySecond) {
            status.scheduleAtFixedRate(task, 1, 1, TimeUnit.SECONDS);
        }
        try {
            BacktestResult result;
            try {
                result = run.run(BacktestProgress.NONE);
            } catch (RuntimeException e) {
                if (recording != null) {
                    recording.fail(e);
                }
                throw e;
            } finally {
                status.shutdownNow();
            }
            stderr.println();
            ResultDocument document = ResultDocument.of(result);
            MetricsTable.print(document, stdout);
            ResultJson.write(document.withEquityPoints(ResultDocument.DEFAULT_EQUITY_POINTS),
                    dir.resolve("result.json"));
            HtmlReport.write(document, taken.get(), dir.resolve("report.html"));
            stdout.println("Wrote " + dir.resolve("result.json") + " and " + dir.resolve("report.html"));
            for (PluginFault f : result.faults()) {
                stderr.println("quantplug: plugin fault: " + f.extensionId() + " (" + f.instanceId() + ") "
                        + f.callback() + " threw " + f.error() + "; " + f.action());
            }
            if (recording != null) {
                String problem = recording.finish(document, result.stoppedBy());
                if (problem != null) {
                    stderr.println("quantplug: error: " + problem);
                    return QuantplugCli.STORE_UNAVAILABLE;
                }
                stdout.println("Stored as run " + recording.runId() + " (quantplug runs show " + recording.runId()
                        + ")");
            }
            return result.faults().isEmpty() ? QuantplugCli.OK : QuantplugCli.PLUGIN_FAULT;
        } finally {
            written.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // the JVM is shutting down: the hook is running and waits for the countdown above
            }
        }
    }
}
