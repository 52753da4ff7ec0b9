package io.quantplug.runtime.plugin.testplugin;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.StateSnapshot;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.param.Parameters;
import io.quantplug.api.risk.OrderIntent;
import io.quantplug.api.risk.RiskContext;
import io.quantplug.api.risk.RiskDecision;
import io.quantplug.api.risk.RiskEvent;
import io.quantplug.api.risk.RiskRule;
import io.quantplug.api.risk.RiskRuleProvider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * A risk rule provider packed into test plugin jars ({@code guard.properties} gives its version label): its rule
 * approves every order, counts its checks in {@link Probe} under {@code "guard <version> check"}, reports each check
 * as a risk event {@code CHECKED} numbered by its running total, and hands that total to the next version through a
 * snapshot.
 */
public final class GuardRuleProvider implements RiskRuleProvider {

    private final String version;

    /** Reads {@code guard.properties} from the jar this class was loaded from. */
    public GuardRuleProvider() {
        Properties p = new Properties();
        try (InputStream in = GuardRuleProvider.class.getResourceAsStream("/guard.properties")) {
            if (in == null) {
                throw new IllegalStateException("no guard.properties beside " + getClass().getName());
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        version = p.getProperty("version");
    }

    @Override
    public ExtensionDescriptor descriptor() {
        return new ExtensionDescriptor("guard", "Guard", "Approves and counts every order; used to test hot swap.",
                ParameterSchema.empty());
    }

    @Override
    public RiskRule create(Parameters parameters) {
        return new Guard(version);
    }

    private static final class Guard implements RiskRule {
        private final String version;
        private long checks;

        Guard(String version) {
            this.version = version;
        }

        @Override
        public RiskDecision check(OrderIntent intent, RiskContext context) {
            checks++;
            Probe.count("guard " + version + " check");
            Probe.count("guard total " + checks);
            context.report(new RiskEvent(context.timeMillis(), "CHECKED", "ORDER", "guard " + version,
                    Map.of("checks", Long.toString(checks))));
            return RiskDecision.approve();
        }

        @Override
        public StateSnapshot snapshot() {
            return new StateSnapshot("guard/1", Map.of("checks", Long.toString(checks)));
        }

        @Override
        public boolean restore(StateSnapshot snapshot) {
            if (!snapshot.format().equals("guard/1")) {
                return false;
            }
            checks = Long.parseLong(snapshot.values().get("checks"));
            return true;
        }
    }
}
