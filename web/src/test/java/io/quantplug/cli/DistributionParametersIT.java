package io.quantplug.cli;

import io.quantplug.api.enhancement.EnhancementProvider;
import io.quantplug.api.exchange.ExchangeAdapterProvider;
import io.quantplug.api.param.InvalidParameterException;
import io.quantplug.api.param.ParameterSpec;
import io.quantplug.api.param.ParameterType;
import io.quantplug.api.param.Parameters;
import io.quantplug.api.risk.RiskRuleProvider;
import io.quantplug.runtime.plugin.ExtensionInfo;
import io.quantplug.runtime.plugin.PluginHost;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every parameter of every extension the distribution ships, read from the plugin jars as the console and the
 * command line read them: described, and bounded — numbers by a minimum and a maximum, choices by their list — so a
 * form, {@code --param} and an optimiser can never offer or accept an unbounded value.
 */
class DistributionParametersIT {

    /**
     * Text parameters hold lists with bounds the provider checks when it creates an instance; for each, a value
     * outside them that creation must refuse, naming the parameter.
     */
    static final Map<String, String> OUT_OF_BOUNDS_TEXT = Map.of(
            "multi-timeframe:timeframes", "5m 7m", // 7 minutes do not divide a day evenly
            "binance:restUrl", "ftp://127.0.0.1/", // an http(s) URL, or empty for the network's
            "binance:streamUrl", "http://127.0.0.1/", // a ws(s) URL, or empty for the network's
            "binance:streams", "kline,quotes"); // kline, trade and depth only

    private static void refuses(ExtensionInfo e, String name, String bad, List<String> problems) {
        try {
            Parameters params = e.descriptor().parameters().resolve(Map.of(name, bad));
            Object created = switch (e.kind()) {
                case ENHANCEMENT -> ((EnhancementProvider) e.provider()).create(params);
                case RISK_RULE -> ((RiskRuleProvider) e.provider()).create(params);
                case EXCHANGE_ADAPTER -> ((ExchangeAdapterProvider) e.provider()).create(params);
                default -> throw new AssertionError("text parameter of a " + e.kind() + " is not checked here");
            };
            problems.add(e.id() + ": " + name + " = '" + bad + "' was accepted: " + created);
        } catch (InvalidParameterException refused) {
            if (!refused.getMessage().contains(name)) {
                problems.add(e.id() + ": the refusal of " + name + " does not name it: " + refused.getMessage());
            }
        }
    }

    @Test
    void everyParameterHasBoundsAndADescription() {
        List<String> problems = new ArrayList<>();
        int parameters = 0;
        try (PluginHost host = PluginHost.open(CliRun.dist().resolve("plugins"))) {
            List<ExtensionInfo> extensions = host.catalog().all();
            assertThat(extensions).hasSize(27); // as PluginsCommandIT counts them
            for (ExtensionInfo e : extensions) {
                for (ParameterSpec p : e.descriptor().parameters().parameters()) {
                    parameters++;
                    String where = e.kind().label() + " " + e.id() + ": " + p.name();
                    if (p.description() == null || p.description().isBlank()) {
                        problems.add(where + " has no description");
                    }
                    boolean numeric = p.type() == ParameterType.INTEGER || p.type() == ParameterType.DECIMAL;
                    if (numeric && (p.min() == null || p.max() == null)) {
                        problems.add(where + " is unbounded: " + p.allowedValues());
                    }
                    if (p.type() == ParameterType.CHOICE && p.choices().isEmpty()) {
                        problems.add(where + " has no choices");
                    }
                    if (p.type() == ParameterType.STRING) {
                        String bad = OUT_OF_BOUNDS_TEXT.get(e.id() + ":" + p.name());
                        if (bad == null) {
                            problems.add(where + " is free text with no out-of-bounds example here");
                        } else {
                            refuses(e, p.name(), bad, problems);
                        }
                    }
                }
            }
        }
        assertThat(parameters).isGreaterThan(100);
        assertThat(problems).isEmpty();
    }
}
