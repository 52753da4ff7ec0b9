package io.quantplug.plugins.perpetuals;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentKind;
import io.quantplug.api.param.InvalidParameterException;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.param.ParameterSpec;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.api.strategy.StrategyContext;
import io.quantplug.api.strategy.StrategyProvider;

import java.util.List;

/**
 * Provides {@code funding-arbitrage}: subscribed to a spot instrument and then its perpetual (in that order), it buys
 * spot and shorts the same quantity of the perpetual while the perpetual's funding, net of costs and basis, pays more
 * than {@code entryApr} a year, and closes both legs when the funding falls below {@code exitApr} (back down, or
 * flipped). See {@link FundingArbitrage} for the rule.
 */
public final class FundingArbitrageProvider implements StrategyProvider {

    private static final ExtensionDescriptor DESCRIPTOR = new ExtensionDescriptor("funding-arbitrage",
            "Funding arbitrage", "Long spot, short the perpetual while its funding pays, net of fees and basis, more"
                    + " than a threshold; both legs closed when the funding falls back or flips. Subscribes to a"
                    + " spot instrument and its perpetual.",
            ParameterSchema.of(
                    ParameterSpec.decimal("entryApr").defaultValue(10).range(0, 1000).unit("% a year")
                            .description("enter when the expected carry, annualised, is at least this").build(),
                    ParameterSpec.decimal("exitApr").defaultValue(0).range(-1000, 1000).unit("% a year")
                            .description("exit when the last funding rate, annualised, falls below this").build(),
                    ParameterSpec.integer("holdDays").defaultValue(30).range(1, 365).unit("days")
                            .description("the horizon over which entry and exit costs and the basis are spread")
                            .build(),
                    ParameterSpec.decimal("costBps").defaultValue(10).range(0, 100).unit("bps")
                            .description("cost assumed per fill (fee and slippage) in the entry hurdle; four fills"
                                    + " make a round trip of both legs").build(),
                    ParameterSpec.decimal("allocation").defaultValue(0.45).range(0.01, 1).unit("share of equity")
                            .description("the spot leg's notional as a share of equity; the perpetual leg shorts"
                                    + " the same quantity").build()));

    @Override
    public ExtensionDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Strategy create(StrategyContext context) {
        List<Instrument> legs = context.instruments();
        if (legs.size() != 2 || legs.get(0).kind() != InstrumentKind.SPOT
                || legs.get(1).kind() != InstrumentKind.PERPETUAL) {
            throw new InvalidParameterException("instruments", "funding-arbitrage subscribes to a spot instrument"
                    + " and then its perpetual, got " + legs.stream().map(i -> i.id() + " (" + i.kind() + ")")
                    .toList());
        }
        return new FundingArbitrage(context, FundingArbitrage.Settings.of(context.parameters()));
    }
}
