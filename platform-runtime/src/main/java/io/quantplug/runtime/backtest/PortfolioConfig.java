package io.quantplug.runtime.backtest;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;

import java.math.BigDecimal;
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
 */
public record PortfolioConfig(BigDecimal initialCapital, BigDecimal feeBps, BigDecimal slippageBps, List<Book> books,
                              List<ExtensionRef> enhancers, ExtensionRef sizer, List<ExtensionRef> riskRules) {

    /**
     * One instrument of the portfolio, its bars and the strategies trading it.
     *
     * @param instrument  the instrument
     * @param timeframe   the bar length of {@code bars}
     * @param bars        the instrument's bars, at least one, in strictly ascending open time
     * @param strategies  the strategies trading it, at least one, in the order their instances are added
     * @param aggregation how they share the instrument; null means {@link SignalAggregation#none()}
     */
    public record Book(Instrument instrument, Timeframe timeframe, List<Bar> bars, List<ExtensionRef> strategies,
                       SignalAggregation aggregation) {

        /**
         * Checks the bars and copies the lists.
         *
         * @param instrument the instrument
         * @param timeframe the bar length of {@code bars}
         * @param bars the instrument's bars, at least one, in strictly ascending open time
         * @param strategies the strategies trading it, at least one
         * @param aggregation how they share the instrument; null means {@link SignalAggregation#none()}
         * @throws BacktestConfigurationException when there is no bar or no strategy, a bar is of another instrument,
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
            if (strategies.isEmpty()) {
                throw new BacktestConfigurationException("no strategy trades " + instrument.id());
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
     * @throws BacktestConfigurationException as {@link BacktestConfig} for the numbers and each book's strategies;
     *                                        when there is no book, an instrument comes twice, the instruments are
     *                                        quoted in different currencies or the books' timeframes differ (the
     *                                        message names the instruments)
     */
    public PortfolioConfig {
        books = List.copyOf(books);
        enhancers = List.copyOf(enhancers);
        riskRules = List.copyOf(riskRules);
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
        for (Book b : books) {
            new BacktestConfig(b.instrument(), initialCapital, feeBps, slippageBps, b.strategies(), b.aggregation(),
                    enhancers, sizer, riskRules);
        }
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
     * the shared extensions.
     *
     * @param index the book's index
     * @return the configuration
     */
    public BacktestConfig bookConfig(int index) {
        Book b = books.get(index);
        return new BacktestConfig(b.instrument(), initialCapital, feeBps, slippageBps, b.strategies(),
                b.aggregation(), enhancers, sizer, riskRules);
    }
}
