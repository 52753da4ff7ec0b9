package io.quantplug.cli;

import io.quantplug.app.UserInputException;
import io.quantplug.runtime.store.Store;
import io.quantplug.web.ServerLimits;
import io.quantplug.web.WebServer;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code quantplug serve}: the web console and its API until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the web console and its JSON API (http://HOST:PORT/, API docs at /api-docs).")
final class ServeCommand implements Callable<Integer> {

    /** How long a stop waits for the store to close before the JVM ends anyway. */
    private static final long STORE_CLOSE_WAIT_SECONDS = 30;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "7070",
            description = "Port to listen on, 0 for any free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String bind;

    @Option(names = "--limit", paramLabel = "NAME=VALUE",
            description = "Change a limit (repeat): queuedBacktests (20), backtestsPerUser (5), runningInstances (20),"
                    + " runningInstancesPerUser (5), signInsPerAddress (30 a minute), failedSignIns (30 a minute"
                    + " per server), datasetBytes (536870912).")
    List<String> limits = new ArrayList<>();

    @Option(names = "--trusted-proxy", paramLabel = "ADDRESS|CIDR", split = ",",
            description = "A reverse proxy whose X-Forwarded-For and X-Forwarded-Proto are believed (repeat or"
                    + " separate with commas), e.g. 127.0.0.1 for a proxy on this machine. Default: none.")
    List<String> trustedProxies = new ArrayList<>();

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        Logging.configure(common.verbose);
        if (port < 0 || port > 65_535) {
            throw new UserInputException("--port must be in 0..65535, got " + port);
        }
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch storeClosed = new CountDownLatch(1);
        try (Store store = common.openStore()) {
            WebServer.Settings defaults = WebServer.Settings.of(store, common.home(), common.pluginsDir());
            WebServer server;
            try {
                ServerLimits chosen = ServerLimits.defaults();
                for (String l : limits) {
                    int eq = l.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("--limit takes NAME=VALUE, got '" + l + "'");
                    }
                    chosen = chosen.with(l.substring(0, eq).strip(), l.substring(eq + 1));
                }
                WebServer.Settings settings = new WebServer.Settings(store, common.home(), common.pluginsDir(),
                        bind, port, defaults.clock(), defaults.env(), System.out, defaults.maxJarBytes(),
                        defaults.settle(), new QuantplugCli.Version().getVersion()[0], chosen, trustedProxies);
                server = WebServer.start(settings);
            } catch (IllegalArgumentException e) {
                throw new UserInputException(e.getMessage());
            }
            // The JVM ends when its shutdown hooks end: this one waits until the journal has drained into the
            // store and the store is closed below, so a stop by Ctrl-C or SIGTERM loses no journaled row.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stopped.countDown();
                try {
                    storeClosed.await(STORE_CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "quantplug-shutdown"));
            out.println("Quantplug console on http://" + bind + ":" + server.port() + "/ (API docs at /api-docs;"
                    + " stop with Ctrl-C)");
            out.flush();
            stopped.await();
        } finally {
            storeClosed.countDown();
        }
        return QuantplugCli.OK;
    }
}
