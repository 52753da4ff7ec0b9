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
 * Provides {@code delta-hedger}: subscribed to instruments of one base asset, exactly one of them a perpetual (the
 * hedge), it keeps the account's net position in that asset within a band by trading the perpetual, whatever other
 * strategies do with the rest. See {@link DeltaHedger}.
 */
public final class DeltaHedgerProvider implements StrategyProvider {

    private static final ExtensionDescriptor DESCRIPTOR = new ExtensionDescriptor("delta-hedger", "Delta hedger",
            "Keeps the net delta of one base asset within a band by trading its perpetual: subscribe to the"
                    + " instruments whose positions to hedge and the perpetual that hedges them.",
            ParameterSchema.of(
                    ParameterSpec.decimal("bandPct").defaultValue(1).range(0, 100).unit("% of equity")
                            .description("the net delta notional left unhedged before the hedge trades").build(),
                    ParameterSpec.decimal("hedgeRatio").defaultValue(1).range(0, 1)
                            .description("the share of the other instruments' position the perpetual offsets")
                            .build()));

    @Override
    public ExtensionDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Strategy create(StrategyContext context) {
        List<Instrument> legs = context.instruments();
        long perpetuals = legs.stream().filter(i -> i.kind() == InstrumentKind.PERPETUAL).count();
        boolean oneBase = legs.stream().map(Instrument::baseAsset).distinct().count() == 1;
        if (legs.size() < 2 || perpetuals != 1 || !oneBase) {
            throw new InvalidParameterException("instruments", "delta-hedger subscribes to instruments of one base"
                    + " asset, exactly one of them a perpetual, got " + legs.stream()
                    .map(i -> i.id() + " (" + i.kind() + ", " + i.baseAsset() + ")").toList());
        }
        return new DeltaHedger(context, context.parameters().getDecimal("bandPct"),
                context.parameters().getDecimal("hedgeRatio"));
    }
}
