package io.quantplug.cli;

import io.quantplug.app.UserInputException;
import io.quantplug.app.alerts.Alert;
import io.quantplug.app.alerts.AlertChannel;
import io.quantplug.app.alerts.AlertDeliveryException;
import io.quantplug.app.alerts.AlertKind;
import io.quantplug.app.alerts.AlertsFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code quantplug alerts}: the notification channels of {@code alerts.yaml} in the Quantplug home. */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = "Notification channels (webhook, Telegram, Slack, e-mail) configured in alerts.yaml in the"
                + " Quantplug home.",
        subcommands = {AlertsCommand.Test.class})
final class AlertsCommand {

    /** {@code quantplug alerts test}: one test alert to every channel, each reported OK or failed. */
    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Send a test alert to every channel of alerts.yaml and report each one OK or FAILED"
                    + " (exit code 7 when one failed).")
    static final class Test implements Callable<Integer> {

        @Mixin
        CommonOptions common;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Logging.configure(common.verbose);
            PrintWriter out = spec.commandLine().getOut();
            Path file = common.home().resolve(AlertsFile.FILE_NAME);
            AlertsFile config = AlertsFile.inHome(common.home()).orElseThrow(() -> new UserInputException(
                    "no alerts configured: " + file + " does not exist (see docs/live-trading.md, Alerts)"));
            List<AlertChannel> channels = config.openChannels(file, System.getenv());
            Alert alert = new Alert(AlertKind.TEST, System.currentTimeMillis(), "quantplug alerts test", null,
                    "A test alert from quantplug: this channel works.", "test");
            int failed = 0;
            out.println("Alerts file " + file + ": " + channels.size() + " channel" + (channels.size() == 1 ? "" : "s"));
            for (AlertChannel c : channels) {
                try (c) {
                    c.send(alert);
                    out.println("  " + c.name() + ": OK");
                } catch (AlertDeliveryException e) {
                    failed++;
                    out.println("  " + c.name() + ": FAILED: " + e.getMessage());
                }
            }
            out.flush();
            return failed == 0 ? QuantplugCli.OK : QuantplugCli.ALERT_NOT_DELIVERED;
        }
    }
}
