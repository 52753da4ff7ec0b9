package io.quantplug.runtime.backtest;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.instrument.InstrumentKind;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.runtime.margin.PerpetualTerms;
import io.quantplug.runtime.session.AggregationPolicy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What to backtest on one account across several instruments: the account's capital, fee and slippage, one
 * {@link Book} per instrument (its bars and the strategies trading it), and the enhancers, sizer and risk rules
 * every book uses. The account currency is the quote asset every instrument shares.
 *
 * @param initialCapital starting cash, &gt; 0, account currency
 * @param feeBps         fee per fill, bps of notional, 0 to 1,000
 * @param slippageBps    slippage of taker fills, bps of price, 0 to 1,000
 * @param books          the instruments and their strategies, at least one, each instrument once, in the order
 *                       their bars are fed when several open at the same time
 * @param enhancers      signal enhancers, applied in order (one set of instances per book)
 * @param sizer          the position sizer (one instance per book), or null to invest the signal's strength times
 *                       the available cash
 * @param riskRules      risk rules, checked in order (one set of instances per book)
 * @param linked         multi-instrument strategies: one instance each, subscribed to several books' instruments
 */
public record PortfolioConfig(BigDecimal initialCapital, BigDecimal feeBps, BigDecimal slippageBps, List<Book> books,
                              List<ExtensionRef> enhancers, ExtensionRef sizer, List<ExtensionRef> riskRules,
                              List<Linked> linked) {

    /**
     * A multi-instrument strategy: one instance that sees the bars of several instruments and trades any of them
     * ({@link io.quantplug.api.strategy.StrategyContext#instruments()}). It sits in the session of each instrument,
     * is created in the first one's, and its orders go to the session of their instrument.
     *
     * @param strategy    the strategy and its parameters
     * @param instruments its instruments, at least two, each a book's, in the order its context lists them
     */
    public record Linked(ExtensionRef strategy, List<InstrumentId> instruments) {

        /**
         * Copies the list.
         *
         * @param strategy    the strategy and its parameters
         * @param instruments its instruments, at least two, no repeats
         * @throws BacktestConfigurationException with fewer than two instruments or a repeated one
         */
        public Linked {
            Objects.requireNonNull(strategy, "strategy");
            instruments = List.copyOf(instruments);
            if (instruments.size() < 2 || new HashSet<>(instruments).size() != instruments.size()) {
                throw new BacktestConfigurationException("multi-instrument strategy " + strategy.id()
                        + " needs at least two different instruments, got " + instruments);
            }
        }
    }

    /**
     * A portfolio without multi-instrument strategies.
     *
     * @param initialCapital starting cash, &gt; 0, account currency
     * @param feeBps         fee per fill, bps of notional, 0 to 1,000
     * @param slippageBps    slippage of taker fills, bps of price, 0 to 1,000
     * @param books          the instruments and their strategies
     * @param enhancers      signal enhancers
     * @param sizer          the position sizer, or null
     * @param riskRules      risk rules
     * @throws BacktestConfigurationException as the canonical constructor
     */
    public PortfolioConfig(BigDecimal initialCapital, BigDecimal feeBps, BigDecimal slippageBps, List<Book> books,
                           List<ExtensionRef> enhancers, ExtensionRef sizer, List<ExtensionRef> riskRules) {
        this(initialCapital, feeBps, slippageBps, books, enhancers, sizer, riskRules, List.of());
    }

    /**
     * One instrument of the portfolio, its bars and the strategies trading it.
     *
     * @param instrument  the instrument
     * @param timeframe   the bar length of {@code bars}
     * @param bars        the instrument's bars, at least one, in strictly ascending open time
     * @param strategies  the strategies trading it, at least one, in the order their instances are added
     * @param aggregation how they share the instrument; null means {@link SignalAggregation#none()}
     * @param perpetual   the terms a {@code PERPETUAL} instrument trades on (margin, funding, liquidation), or null
     */
    public record Book(Instrument instrument, Timeframe timeframe, List<Bar> bars, List<ExtensionRef> strategies,
                       SignalAggregation aggregation, PerpetualTerms perpetual) {

        /**
         * A book traded without margin.
         *
         * @param instrument  the instrument
         * @param timeframe   the bar length of {@code bars}
         * @param bars        the instrument's bars
         * @param strategies  the strategies trading it
         * @param aggregation how they share the instrument; null means none
         * @throws BacktestConfigurationException as the canonical constructor
         */
        public Book(Instrument instrument, Timeframe timeframe, List<Bar> bars, List<ExtensionRef> strategies,
                    SignalAggregation aggregation) {
            this(instrument, timeframe, bars, strategies, aggregation, null);
        }

        /**
         * Checks the bars and copies the lists.
         *
         * @param instrument the instrument
         * @param timeframe the bar length of {@code bars}
         * @param bars the instrument's bars, at least one, in strictly ascending open time
         * @param strategies the strategies trading it, at least one
         * @param aggregation how they share the instrument; null means {@link SignalAggregation#none()}
         * @param perpetual the perpetual terms, or null
         * @throws BacktestConfigurationException when there is no bar, a bar is of another instrument,
         *                                        or the bars are not in strictly ascending open time
         */
        public Book {
            Objects.requireNonNull(instrument, "instrument");
            Objects.requireNonNull(timeframe, "timeframe");
            bars = List.copyOf(bars);
            strategies = List.copyOf(strategies);
            aggregation = aggregation == null ? SignalAggregation.none() : aggregation;
            if (bars.isEmpty()) {
                throw new BacktestConfigurationException("no bars of " + instrument.id() + " to backtest");
            }
            if (perpetual != null && instrument.kind() != InstrumentKind.PERPETUAL) {
                throw new BacktestConfigurationException(instrument.id() + " is a " + instrument.kind()
                        + " instrument: margin, funding and liquidation apply to a PERPETUAL");
            }
            long previous = Long.MIN_VALUE;
            for (Bar b : bars) {
                if (!b.instrument().equals(instrument.id())) {
                    throw new BacktestConfigurationException("the bars of " + instrument.id() + " include a bar of "
                            + b.instrument());
                }
                if (b.openTimeMillis() <= previous) {
                    throw new BacktestConfigurationException("the bars of " + instrument.id()
                            + " are not in strictly ascending open time at " + b.openTime());
                }
                previous = b.openTimeMillis();
            }
        }
    }

    /**
     * Checks the account, the books and every book's configuration.
     *
     * @param initialCapital starting cash, &gt; 0, account currency
     * @param feeBps fee per fill, bps of notional, 0 to 1,000
     * @param slippageBps slippage of taker fills, bps of price, 0 to 1,000
     * @param books the instruments and their strategies, at least one, each instrument once
     * @param enhancers signal enhancers, applied in order
     * @param sizer the position sizer, or null to invest the signal's strength times the available cash
     * @param riskRules risk rules, checked in order
     * @param linked multi-instrument strategies, or null for none
     * @throws BacktestConfigurationException as {@link BacktestConfig} for the numbers and each book's strategies;
     *                                        when there is no book, a book no strategy trades, a multi-instrument
     *                                        strategy on an instrument that is no book's, an aggregation on a book a
     *                                        multi-instrument strategy trades, an instrument comes twice, the
     *                                        instruments are
     *                                        quoted in different currencies or the books' timeframes differ (the
     *                                        message names the instruments)
     */
    public PortfolioConfig {
        books = List.copyOf(books);
        enhancers = List.copyOf(enhancers);
        riskRules = List.copyOf(riskRules);
        linked = linked == null ? List.of() : List.copyOf(linked);
        if (books.isEmpty()) {
            throw new BacktestConfigurationException("a portfolio backtest needs at least one instrument");
        }
        Book first = books.get(0);
        Set<InstrumentId> seen = new HashSet<>();
        for (Book b : books) {
            if (!seen.add(b.instrument().id())) {
                throw new BacktestConfigurationException("instrument " + b.instrument().id() + " comes twice");
            }
            if (!b.instrument().quoteAsset().equals(first.instrument().quoteAsset())) {
                throw new BacktestConfigurationException("mixed quote currencies: " + first.instrument().id()
                        + " is quoted in " + first.instrument().quoteAsset() + ", " + b.instrument().id() + " in "
                        + b.instrument().quoteAsset() + "; one account needs one currency");
            }
            if (!b.timeframe().equals(first.timeframe())) {
                throw new BacktestConfigurationException("mixed timeframes: " + first.instrument().id() + " has "
                        + first.timeframe().label() + " bars, " + b.instrument().id() + " "
                        + b.timeframe().label() + "; every instrument needs the same bar length");
            }
        }
        for (Linked l : linked) {
            for (InstrumentId id : l.instruments()) {
                if (!seen.contains(id)) {
                    throw new BacktestConfigurationException("multi-instrument strategy " + l.strategy().id()
                            + " trades " + id + ", which is not one of the instruments " + seen);
                }
            }
        }
        for (int i = 0; i < books.size(); i++) {
            Book b = books.get(i);
            if (b.strategies().isEmpty() && linkedOn(linked, b.instrument().id()).isEmpty()) {
                throw new BacktestConfigurationException("no strategy trades " + b.instrument().id());
            }
            if (b.aggregation().policy() != AggregationPolicy.NONE
                    && !linkedOn(linked, b.instrument().id()).isEmpty()) {
                throw new BacktestConfigurationException("a multi-instrument strategy trades " + b.instrument().id()
                        + ": its strategies cannot be aggregated");
            }
            bookConfig(b, linked, initialCapital, feeBps, slippageBps, enhancers, sizer, riskRules);
        }
    }

    private static List<Linked> linkedOn(List<Linked> linked, InstrumentId instrument) {
        return linked.stream().filter(l -> l.instruments().contains(instrument)).toList();
    }

    private static BacktestConfig bookConfig(Book b, List<Linked> linked, BigDecimal initialCapital,
                                             BigDecimal feeBps, BigDecimal slippageBps, List<ExtensionRef> enhancers,
                                             ExtensionRef sizer, List<ExtensionRef> riskRules) {
        List<ExtensionRef> strategies = new ArrayList<>(b.strategies());
        linkedOn(linked, b.instrument().id()).forEach(l -> strategies.add(l.strategy()));
        return new BacktestConfig(b.instrument(), initialCapital, feeBps, slippageBps, strategies, b.aggregation(),
                enhancers, sizer, riskRules);
    }

    /**
     * The multi-instrument strategies a book's session holds, in the order {@link #bookConfig} lists them after the
     * book's own strategies.
     *
     * @param index the book's index
     * @return the strategies
     */
    public List<Linked> linkedOn(int index) {
        return linkedOn(linked, books.get(index).instrument().id());
    }

    /**
     * The account currency: the quote asset of every instrument.
     *
     * @return e.g. {@code USDT}
     */
    public String currency() {
        return books.get(0).instrument().quoteAsset();
    }

    /**
     * The bar length every book shares.
     *
     * @return the timeframe
     */
    public Timeframe timeframe() {
        return books.get(0).timeframe();
    }

    /**
     * The single-instrument configuration of one book: its instrument and strategies with the account's numbers and
     * the shared extensions; the multi-instrument strategies that trade its instrument come after its own
     * ({@link #linkedOn(int)}).
     *
     * @param index the book's index
     * @return the configuration
     */
    public BacktestConfig bookConfig(int index) {
        return bookConfig(books.get(index), linked, initialCapital, feeBps, slippageBps, enhancers, sizer, riskRules);
    }
}
