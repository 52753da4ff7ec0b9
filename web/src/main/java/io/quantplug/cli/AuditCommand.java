package io.quantplug.cli;

import io.quantplug.runtime.store.AuditLog;
import io.quantplug.runtime.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code quantplug audit}: the audit log. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "The audit log: verify.",
        subcommands = {AuditCommand.Verify.class})
final class AuditCommand {

    /** {@code quantplug audit verify}. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check the audit log's hash chain; exits with 5 and names the first broken row when it"
                    + " is broken.")
    static final class Verify implements Callable<Integer> {

        @Mixin
        CommonOptions common;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Logging.configure(common.verbose);
            try (Store store = common.openStore()) {
                AuditLog.Verification v = store.audit().verify();
                if (v.intact()) {
                    spec.commandLine().getOut().println("Audit log intact: " + v.rows() + " rows, hash chain"
                            + " verified.");
                    return QuantplugCli.OK;
                }
                PrintWriter err = spec.commandLine().getErr();
                err.println("quantplug: audit log broken at row " + v.firstBrokenId() + ": " + v.problem());
                return QuantplugCli.AUDIT_BROKEN;
            }
        }
    }
}
