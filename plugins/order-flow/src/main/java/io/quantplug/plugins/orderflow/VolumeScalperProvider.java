package io.quantplug.plugins.orderflow;

import io.quantplug.api.ExtensionDescriptor;
import io.quantplug.api.param.ParameterSchema;
import io.quantplug.api.param.ParameterSpec;
import io.quantplug.api.strategy.Strategy;
import io.quantplug.api.strategy.StrategyContext;
import io.quantplug.api.strategy.StrategyProvider;

import java.math.BigDecimal;

/**
 * Provides {@code volume-scalper}: long/flat entries at the low edge of a rolling volume profile's value area,
 * confirmed by the top-N book imbalance and the absence of recent whale selling; exits at the value area high, a
 * profit target, a stop or a maximum holding time. See {@link VolumeScalper} for every rule. Listed in
 * {@code META-INF/services/io.quantplug.api.strategy.StrategyProvider}. Every range below is inclusive.
 * Stateless and thread-safe.
 */
public final class VolumeScalperProvider implements StrategyProvider {

    /** The strategy's id. */
    public static final String ID = "volume-scalper";
    /** Parameter: the price step of a profile and footprint bin, quote units. */
    public static final String BIN_SIZE = "binSize";
    /** Parameter: the rolling window of the volume profile, seconds. */
    public static final String PROFILE_SECONDS = "profileSeconds";
    /** Parameter: the share of the window's volume in the value area, percent. */
    public static final String VALUE_AREA_PERCENT = "valueAreaPercent";
    /** Parameter: trades the window must hold before an entry. */
    public static final String MIN_PROFILE_TRADES = "minProfileTrades";
    /** Parameter: how close to a value-area edge counts as at it, bps. */
    public static final String EDGE_BPS = "edgeBps";
    /** Parameter: book levels per side in the imbalance. */
    public static final String BOOK_DEPTH = "bookDepth";
    /** Parameter: the book imbalance that confirms an entry (and, negated, a value-area-high exit). */
    public static final String MIN_IMBALANCE = "minImbalance";
    /** Parameter: trade sizes in the whale detector's rolling median. */
    public static final String WHALE_TRADES = "whaleTrades";
    /** Parameter: how many times the median trade size a whale trade is. */
    public static final String WHALE_MULTIPLE = "whaleMultiple";
    /** Parameter: resting level sizes in the book whale detector's rolling median. */
    public static final String WHALE_LEVELS = "whaleLevels";
    /** Parameter: seconds after an aggressive whale sell during which no entry is made. */
    public static final String WHALE_QUIET_SECONDS = "whaleQuietSeconds";
    /** Parameter: the profit target, bps of the entry price. */
    public static final String TAKE_PROFIT_BPS = "takeProfitBps";
    /** Parameter: the stop, bps of the entry price. */
    public static final String STOP_LOSS_BPS = "stopLossBps";
    /** Parameter: the longest a position is held, seconds. */
    public static final String MAX_HOLD_SECONDS = "maxHoldSeconds";
    /** Parameter: the footprint bar length, seconds. */
    public static final String FOOTPRINT_SECONDS = "footprintSeconds";
    /** Parameter: completed footprint bars whose mean volume the absorption test compares with. */
    public static final String ABSORPTION_BARS = "absorptionBars";
    /** Parameter: how many times that mean volume is heavy, for the absorption test. */
    public static final String ABSORPTION_MULTIPLE = "absorptionMultiple";
    /** Parameter: the most bins between a bar's open and close that still count as little progress. */
    public static final String ABSORPTION_PROGRESS_BINS = "absorptionProgressBins";
    /** Parameter: the diagonal imbalance ratio counted in the footprint scores. */
    public static final String IMBALANCE_RATIO = "imbalanceRatio";

    private static final ExtensionDescriptor DESCRIPTOR = new ExtensionDescriptor(ID, "Volume scalper",
            "Trades and book updates: buys near the value area low of a rolling volume profile when the top-N book "
                    + "imbalance leans to the bids, no whale sold lately and no whale offer rests; sells near the "
                    + "value area high when the book leans to the asks, at a profit target, a stop or after a maximum "
                    + "holding time. Long/flat signals, annotated with the footprint of the current bar.",
            ParameterSchema.of(
                    ParameterSpec.decimal(BIN_SIZE).defaultValue(5).range(new BigDecimal("0.00000001"), 1_000_000)
                            .unit("quote units")
                            .description("price step of a volume-profile and footprint bin, e.g. 5 USDT for "
                                    + "BTCUSDT; a profile window or footprint bar may span at most 20,000 bins")
                            .build(),
                    ParameterSpec.integer(PROFILE_SECONDS).defaultValue(300).range(10, 86_400).unit("seconds")
                            .description("rolling window of the volume profile: trades older than this drop out")
                            .build(),
                    ParameterSpec.decimal(VALUE_AREA_PERCENT).defaultValue(70).range(10, 100).unit("%")
                            .description("share of the window's volume the value area holds (Market Profile: 70)")
                            .build(),
                    ParameterSpec.integer(MIN_PROFILE_TRADES).defaultValue(200).range(1, 1_000_000).unit("trades")
                            .description("trades the profile window must hold before the first entry").build(),
                    ParameterSpec.decimal(EDGE_BPS).defaultValue(5).range(0, 500).unit("bps")
                            .description("a price within this distance of the value area low (row price) is at "
                                    + "it for an entry; at or above the value area high minus this, at it for an "
                                    + "exit").build(),
                    ParameterSpec.integer(BOOK_DEPTH).defaultValue(5).range(1, 100).unit("levels")
                            .description("best levels per side summed in the book imbalance "
                                    + "(bids - asks) / (bids + asks)").build(),
                    ParameterSpec.decimal(MIN_IMBALANCE).defaultValue("0.2").range(0, 1)
                            .description("an entry needs a book imbalance of at least this; a value-area-high "
                                    + "exit needs at most minus this").build(),
                    ParameterSpec.integer(WHALE_TRADES).defaultValue(500).range(10, 100_000).unit("trades")
                            .description("trade sizes in the rolling median of the whale detector").build(),
                    ParameterSpec.decimal(WHALE_MULTIPLE).defaultValue(10).range(1, 10_000)
                            .unit("x median")
                            .description("a trade, or a resting level, at least this many times the median size "
                                    + "is a whale").build(),
                    ParameterSpec.integer(WHALE_LEVELS).defaultValue(500).range(10, 100_000).unit("levels")
                            .description("resting level sizes (the best bookDepth levels of each side, every book "
                                    + "update) in the rolling median of the book whale detector; no entry while "
                                    + "an ask level among them is whaleMultiple times that median").build(),
                    ParameterSpec.integer(WHALE_QUIET_SECONDS).defaultValue(30).range(0, 3_600).unit("seconds")
                            .description("no entry for this long after a whale trade whose taker sold; 0 "
                                    + "ignores whales").build(),
                    ParameterSpec.decimal(TAKE_PROFIT_BPS).defaultValue(20).range(1, 10_000).unit("bps")
                            .description("exit when a trade prints this far above the entry price").build(),
                    ParameterSpec.decimal(STOP_LOSS_BPS).defaultValue(20).range(1, 10_000).unit("bps")
                            .description("exit when a trade prints this far below the entry price").build(),
                    ParameterSpec.integer(MAX_HOLD_SECONDS).defaultValue(300).range(1, 86_400).unit("seconds")
                            .description("exit at the latest this long after the entry (a timer)").build(),
                    ParameterSpec.integer(FOOTPRINT_SECONDS).defaultValue(60).range(1, 86_400).unit("seconds")
                            .description("footprint bar length; each signal carries the current bar's delta, "
                                    + "cumulative delta and diagonal imbalance counts").build(),
                    ParameterSpec.integer(ABSORPTION_BARS).defaultValue(20).range(1, 1_000).unit("bars")
                            .description("the absorption verdict attached to signals compares a completed "
                                    + "footprint bar's volume with the mean of this many bars before it").build(),
                    ParameterSpec.decimal(ABSORPTION_MULTIPLE).defaultValue(2).range(1, 100).unit("x mean")
                            .description("a bar with at least this many times that mean volume is heavy (effort)")
                            .build(),
                    ParameterSpec.integer(ABSORPTION_PROGRESS_BINS).defaultValue(1).range(0, 100).unit("bins")
                            .description("a heavy bar whose close is at most this many bins from its open made "
                                    + "little progress (result): absorption when its delta fought the move")
                            .build(),
                    ParameterSpec.decimal(IMBALANCE_RATIO).defaultValue(3).range(1, 100).unit("x")
                            .description("ask volume at p over bid volume one bin lower (or the mirror) that "
                                    + "counts as a diagonal imbalance in the footprint scores").build()));

    @Override
    public ExtensionDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /**
     * Creates a scalper on the context's instrument.
     *
     * @param context the instance's context; its parameters are checked against {@link #descriptor()}'s schema
     * @return the strategy
     */
    @Override
    public Strategy create(StrategyContext context) {
        return new VolumeScalper(context, ScalperSettings.of(context.parameters()));
    }
}
