package io.quantplug.plugins.orderflow;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.param.ParameterSpec;
import io.quantplug.api.param.Parameters;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.api.strategy.StrategyContext;
import io.quantplug.api.strategy.StrategyProvider;

/**
 * Provides {@code order-flow-detector}: a strategy that never trades and publishes the whale trades, whale orders and
 * spoofs it sees to the session's other instances ({@link FlowDetector}). Every range below is inclusive. Listed in
 * {@code META-INF/services/io.quantplug.api.strategy.StrategyProvider}. Stateless and thread-safe.
 */
public final class FlowDetectorProvider implements StrategyProvider {

    /** The strategy's id. */
    public static final String ID = "order-flow-detector";
    /** Parameter: trade sizes in the whale-trade median. */
    public static final String WHALE_TRADES = "whaleTrades";
    /** Parameter: level sizes in the whale-order and spoof median. */
    public static final String WHALE_LEVELS = "whaleLevels";
    /** Parameter: how many times the median size a whale is. */
    public static final String WHALE_MULTIPLE = "whaleMultiple";
    /** Parameter: best levels per side watched. */
    public static final String BOOK_DEPTH = "bookDepth";
    /** Parameter: how many times the median level size a level must be to count as a spoof when canceled. */
    public static final String SPOOF_MULTIPLE = "spoofMultiple";
    /** Parameter: how soon after appearing a cancel counts as a spoof, seconds. */
    public static final String SPOOF_SECONDS = "spoofSeconds";

    private static final ExtensionDescriptor DESCRIPTOR = new ExtensionDescriptor(ID, "Order-flow detector",
            "Never trades: publishes whale trades, whale orders resting in the book and spoofs (large levels "
                    + "canceled soon without trading) to the other strategy instances of the session.",
            ParameterSchema.of(
                    ParameterSpec.integer(WHALE_TRADES).defaultValue(500).range(10, 100_000).unit("trades")
                            .description("trade sizes in the rolling median a whale trade is compared with").build(),
                    ParameterSpec.integer(WHALE_LEVELS).defaultValue(1_000).range(10, 100_000).unit("levels")
                            .description("resting level sizes in the rolling median a whale order and a spoof are "
                                    + "compared with").build(),
                    ParameterSpec.decimal(WHALE_MULTIPLE).defaultValue(10).range(2, 1_000).unit("x")
                            .description("how many times the median size a whale trade or order is").build(),
                    ParameterSpec.integer(BOOK_DEPTH).defaultValue(10).range(1, 100).unit("levels")
                            .description("best levels per side watched for whale orders and spoofs").build(),
                    ParameterSpec.decimal(SPOOF_MULTIPLE).defaultValue(10).range(2, 1_000).unit("x")
                            .description("how many times the median level size a level is to be watched as a "
                                    + "possible spoof").build(),
                    ParameterSpec.integer(SPOOF_SECONDS).defaultValue(5).range(1, 3_600).unit("seconds")
                            .description("a watched level 80 % canceled without trading within this time after "
                                    + "it appeared is a spoof").build()));

    @Override
    public ExtensionDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /**
     * Creates a detector on the context's instrument.
     *
     * @param context the instance's context; its parameters are checked against {@link #descriptor()}'s schema
     * @return the strategy
     */
    @Override
    public Strategy create(StrategyContext context) {
        Parameters p = context.parameters();
        return new FlowDetector(context, p.getInt(WHALE_TRADES), p.getInt(WHALE_LEVELS), p.getDouble(WHALE_MULTIPLE),
                p.getInt(BOOK_DEPTH), p.getDouble(SPOOF_MULTIPLE), p.getInt(SPOOF_SECONDS) * 1_000L);
    }
}
