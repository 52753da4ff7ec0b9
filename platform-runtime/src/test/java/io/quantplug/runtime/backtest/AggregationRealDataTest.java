package io.quantplug.runtime.backtest;

import io.quantplug.api.instrument.Instrument;
import io.quantplug.api.instrument.InstrumentId;
import io.quantplug.api.market.Bar;
import io.quantplug.api.market.Timeframe;
import io.quantplug.api.order.Order;
import io.quantplug.api.order.Side;
import io.quantplug.api.signal.SignalDirection;
import io.quantplug.runtime.analytics.ExitReason;
import io.quantplug.runtime.analytics.RoundTrip;
import io.quantplug.runtime.data.BarFileReader;
import io.quantplug.runtime.plugin.ExtensionCatalog;
import io.quantplug.runtime.plugin.ExtensionInfo;
import io.quantplug.runtime.plugin.ExtensionKind;
import io.quantplug.runtime.report.ResultDocument;
import io.quantplug.runtime.report.ResultJson;
import io.quantplug.runtime.session.AggregationPolicy;
import io.quantplug.runtime.session.SessionListener;
import io.quantplug.runtime.session.SignalDecision;
import io.quantplug.testsupport.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several strategies as one signal group on 21 days of real Binance.US BTCUSDT one-minute bars (30,240 bars, capital
 * 10,000 USDT, fee 10 bps), against a hand-rolled loop of the same rule: each instance's signals computed from the
 * file's closes (read with a plain split, in exact decimals), the policy applied to them bar by bar by its
 * definition, and the group's position followed from flat. The engine must decide on the same bars, send the same
 * orders (at the same closes, on the same sides) and fill them at the next bar's open.
 */
class AggregationRealDataTest {

    private static final String FILE = "binance-us-btcusdt-1m-2023-03/BTCUSDT_1m_20230301_20230321.csv";
    private static final InstrumentId BTCUSDT = InstrumentId.of("BTCUSDT", "BINANCE");
    private static final Instrument INSTRUMENT = Instrument.spot(BTCUSDT, "BTC", "USDT", new BigDecimal("0.01"),
            new BigDecimal("0.00001"), new BigDecimal("10"));

    private static List<Bar> bars;
    private static List<BigDecimal> opens;
    private static List<BigDecimal> closes;
    private static int n;

    /** An order the group sent: decided at the close of bar {@code bar}. */
    record Sent(int bar, Side side) {
    }

    /** A round trip by bar index: entry and exit fill bars. */
    record Trip(int entryBar, int exitBar, ExitReason reason) {
    }

    @BeforeAll
    static void load() throws IOException {
        Path csv = SharedData.require(FILE);
        bars = new BarFileReader().read(csv, Timeframe.M1).series().toBars(BTCUSDT);
        opens = new ArrayList<>();
        closes = new ArrayList<>();
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            opens.add(new BigDecimal(f[1]));
            closes.add(new BigDecimal(f[4]));
        }
        n = closes.size();
    }

    @Test
    void majorityOfThreeSmaCrossoversTradesWhereTheHandRolledMajorityDoes() {
        int[][] crossings = {crossings(10, 30), crossings(12, 30), crossings(14, 30)};
        IntFunction<SignalDirection[]> votes = i -> {
            SignalDirection[] v = new SignalDirection[3];
            for (int k = 0; k < 3; k++) {
                v[k] = crossings[k][i] > 0 ? SignalDirection.LONG : crossings[k][i] < 0 ? SignalDirection.FLAT : null;
            }
            return v;
        };
        // MAJORITY of 3: a direction signalled by at least 2 (crossovers signal LONG or FLAT, never SHORT)
        IntFunction<SignalDirection> majority = i -> {
            int longs = 0;
            int flats = 0;
            for (SignalDirection d : votes.apply(i)) {
                longs += d == SignalDirection.LONG ? 1 : 0;
                flats += d == SignalDirection.FLAT ? 1 : 0;
            }
            return 2 * longs > 3 ? SignalDirection.LONG : 2 * flats > 3 ? SignalDirection.FLAT : null;
        };
        BacktestConfig config = config(SignalAggregation.majority(), "sma-crossover:fast=10,slow=30",
                "sma-crossover:fast=12,slow=30", "sma-crossover:fast=14,slow=30");

        Observed run = run(config);

        assertDecisionsAndOrders(run, votes, majority);
        assertThat(run.sent).hasSizeGreaterThan(200); // 146 entries on this file, and nearly as many exits
        assertThat(run.result.parameters()).containsEntry("strategy:sma-crossover-2", Map.of("fast", "12",
                "slow", "30"));
    }

    @Test
    void unanimityOfThreeTrendViewsTradesWhereAllThreeAgree() {
        int[] periods = {20, 50, 100};
        IntFunction<SignalDirection[]> votes = i -> trendVotes(periods, i);
        IntFunction<SignalDirection> unanimous = i -> {
            SignalDirection[] v = votes.apply(i);
            return v[0] != null && v[0] == v[1] && v[1] == v[2] ? v[0] : null;
        };
        Observed run = run(config(SignalAggregation.unanimous(), "close-vs-sma:period=20",
                "close-vs-sma:period=50", "close-vs-sma:period=100"));

        assertDecisionsAndOrders(run, votes, unanimous);
        assertThat(run.sent).hasSizeGreaterThan(900); // 493 entries on this file
    }

    @Test
    void weightedTrendViewsTradeWhereTheWeightedStrengthReachesTheThreshold() {
        int[] periods = {20, 50, 100};
        // weights 1, 2, 3 and strengths 1, 0.5, 1: in halves, w x s x 2 = 2, 2, 6 of sum(w) x 2 = 12; a direction
        // passes at >= 0.5, i.e. >= 6 halves, and is traded when it is the only one that passes
        int[] halves = {2, 2, 6};
        IntFunction<SignalDirection[]> votes = i -> trendVotes(periods, i);
        IntFunction<SignalDirection> weighted = i -> {
            SignalDirection[] v = votes.apply(i);
            int longs = 0;
            int flats = 0;
            for (int k = 0; k < 3; k++) {
                longs += v[k] == SignalDirection.LONG ? halves[k] : 0;
                flats += v[k] == SignalDirection.FLAT ? halves[k] : 0;
            }
            boolean longPasses = longs >= 6;
            boolean flatPasses = flats >= 6;
            return longPasses == flatPasses ? null : longPasses ? SignalDirection.LONG : SignalDirection.FLAT;
        };
        BacktestConfig config = config(SignalAggregation.weighted(List.of(1.0, 2.0, 3.0), 0.5),
                "close-vs-sma:period=20,strength=1", "close-vs-sma:period=50,strength=0.5",
                "close-vs-sma:period=100,strength=1");

        Observed run = run(config);

        assertDecisionsAndOrders(run, votes, weighted);
        assertThat(run.sent).hasSizeGreaterThan(1_000); // 699 entries on this file
        SignalDecision first = run.result.decisions().get(0);
        assertThat(first.votes()).extracting(v -> v.weight() + " " + v.strength())
                .containsExactly("1.0 1.0", "2.0 0.0", "3.0 0.0"); // at bar 19 only SMA(20) is ready
    }

    @Test
    void theResultDocumentCarriesTheDecisionsTheirVotesAndTheGroupsSetUp() {
        BacktestConfig config = config(SignalAggregation.majority(), "sma-crossover:fast=10,slow=30",
                "sma-crossover:fast=12,slow=30", "sma-crossover:fast=14,slow=30");
        Observed run = run(config);
        ResultDocument doc = ResultDocument.of(run.result);

        assertThat(doc.run().strategy()).isEqualTo("sma-crossover+sma-crossover+sma-crossover");
        assertThat(doc.run().strategies()).containsExactly("sma-crossover:fast=10,slow=30",
                "sma-crossover:fast=12,slow=30", "sma-crossover:fast=14,slow=30");
        assertThat(doc.run().aggregation()).isEqualTo("MAJORITY");
        assertThat(doc.decisions()).hasSameSizeAs(run.result.decisions());
        ResultDocument.DecisionEntry traded = doc.decisions().stream().filter(d -> d.direction() != null)
                .findFirst().orElseThrow();
        assertThat(traded.votes()).hasSize(3);
        assertThat(traded.outcome()).startsWith(traded.direction() + ": ");
        assertThat(ResultJson.read(write(doc))).isEqualTo(doc);
        assertThat(doc.trades()).allSatisfy(t -> assertThat(t.strategy()).isEqualTo("group"));
    }

    // ---- the hand-rolled rule and the comparison ----

    private void assertDecisionsAndOrders(Observed run, IntFunction<SignalDirection[]> votes,
                                          IntFunction<SignalDirection> decide) {
        List<String> expectedDecisions = new ArrayList<>();
        List<Sent> expectedOrders = new ArrayList<>();
        boolean long0 = false;
        for (int i = 0; i < n; i++) {
            boolean anyVote = false;
            for (SignalDirection d : votes.apply(i)) {
                anyVote |= d != null;
            }
            if (!anyVote) {
                continue;
            }
            SignalDirection d = decide.apply(i);
            expectedDecisions.add(i + " " + d);
            if (d == SignalDirection.LONG && !long0) {
                expectedOrders.add(new Sent(i, Side.BUY));
                long0 = true;
            } else if (d == SignalDirection.FLAT && long0) {
                expectedOrders.add(new Sent(i, Side.SELL));
                long0 = false;
            }
        }
        List<String> decided = run.result.decisions().stream()
                .map(x -> run.barClosingAt.get(x.timeMillis()) + " " + x.direction()).toList();
        assertThat(decided).containsExactlyElementsOf(expectedDecisions);
        assertThat(run.sent).containsExactlyElementsOf(expectedOrders);

        // round trips: each order fills at the next bar's open; one still open is closed at the last close
        List<Trip> expectedTrips = new ArrayList<>();
        int entry = -1;
        for (Sent s : expectedOrders) {
            if (s.bar == n - 1) {
                break; // decided on the last close: never filled
            }
            if (s.side == Side.BUY) {
                entry = s.bar + 1;
            } else {
                expectedTrips.add(new Trip(entry, s.bar + 1, ExitReason.SIGNAL));
                entry = -1;
            }
        }
        if (entry >= 0) {
            expectedTrips.add(new Trip(entry, n - 1, ExitReason.END_OF_DATA));
        }
        List<RoundTrip> trades = run.result.trades();
        assertThat(trades).extracting(t -> new Trip(barAt(t.entryTimeMillis()), barAt(t.exitTimeMillis()),
                t.exitReason())).containsExactlyElementsOf(expectedTrips);
        for (RoundTrip t : trades) {
            assertThat(t.strategy()).isEqualTo("group");
            assertThat(t.entryPrice()).isEqualByComparingTo(opens.get(barAt(t.entryTimeMillis())));
            assertThat(t.exitPrice()).isEqualByComparingTo(t.exitReason() == ExitReason.END_OF_DATA
                    ? closes.get(n - 1) : opens.get(barAt(t.exitTimeMillis())));
        }
    }

    /**
     * The crossover by definition (as the sma-crossover sample's own test states it): +1 at a bar where the fast
     * mean is above the slow one and was below at the latest earlier bar where they differed, -1 for the reverse,
     * from the first bar where the slow mean is defined; means compared exactly as fastSum x slow : slowSum x fast.
     */
    private static int[] crossings(int fast, int slow) {
        int[] out = new int[n];
        BigDecimal[] prefix = prefixSums();
        int lastSign = 0;
        for (int i = slow - 1; i < n; i++) {
            BigDecimal fastSum = prefix[i + 1].subtract(prefix[i + 1 - fast]);
            BigDecimal slowSum = prefix[i + 1].subtract(prefix[i + 1 - slow]);
            int sign = fastSum.multiply(BigDecimal.valueOf(slow)).compareTo(slowSum.multiply(BigDecimal.valueOf(fast)));
            out[i] = sign > 0 && lastSign < 0 ? 1 : sign < 0 && lastSign > 0 ? -1 : 0;
            if (sign != 0) {
                lastSign = sign;
            }
        }
        return out;
    }

    /** LONG while close x p exceeds the sum of the last p closes (close above its SMA), FLAT otherwise. */
    private static SignalDirection[] trendVotes(int[] periods, int i) {
        BigDecimal[] prefix = prefixSums();
        SignalDirection[] v = new SignalDirection[periods.length];
        for (int k = 0; k < periods.length; k++) {
            int p = periods[k];
            if (i >= p - 1) {
                BigDecimal sum = prefix[i + 1].subtract(prefix[i + 1 - p]);
                v[k] = closes.get(i).multiply(BigDecimal.valueOf(p)).compareTo(sum) > 0 ? SignalDirection.LONG
                        : SignalDirection.FLAT;
            }
        }
        return v;
    }

    private static BigDecimal[] prefix;

    private static BigDecimal[] prefixSums() {
        if (prefix == null) {
            BigDecimal[] p = new BigDecimal[n + 1];
            p[0] = BigDecimal.ZERO;
            for (int i = 0; i < n; i++) {
                p[i + 1] = p[i].add(closes.get(i));
            }
            prefix = p;
        }
        return prefix;
    }

    // ---- running the engine ----

    private static BacktestConfig config(SignalAggregation aggregation, String... strategies) {
        List<ExtensionRef> refs = new ArrayList<>();
        for (String s : strategies) {
            refs.add(ExtensionRef.parse(s));
        }
        return new BacktestConfig(INSTRUMENT, new BigDecimal("10000"), new BigDecimal("10"), BigDecimal.ZERO, refs,
                aggregation, List.of(), null, List.of());
    }

    /** The result, and the group's orders by the bar at whose close they were sent. */
    private record Observed(BacktestResult result, List<Sent> sent, Map<Long, Integer> barClosingAt) {
    }

    private static Observed run(BacktestConfig config) {
        List<ExtensionInfo> extensions = new ArrayList<>(ExtensionCatalog.fromClassPath(
                AggregationRealDataTest.class.getClassLoader()));
        extensions.add(new ExtensionInfo(ExtensionKind.STRATEGY, new CloseVsSmaProvider(), null));
        Map<Long, Integer> barClosingAt = new HashMap<>();
        for (int i = 0; i < bars.size(); i++) {
            barClosingAt.put(bars.get(i).closeTimeMillis(), i);
        }
        List<Sent> sent = new ArrayList<>();
        BacktestResult result = new Backtester(ExtensionCatalog.of(extensions)).run(config, Timeframe.M1, bars,
                BacktestProgress.NONE, new SessionListener() {
                    @Override
                    public void onOrderSubmitted(long timeMillis, String strategy, Order order) {
                        // the group's own orders, not the end-of-data close of its position
                        if (strategy.equals("group") && !order.clientOrderId().value().startsWith("end-of-data")) {
                            sent.add(new Sent(barClosingAt.get(timeMillis), order.side()));
                        }
                    }
                });
        assertThat(result.faults()).isEmpty();
        assertThat(result.decisions()).allSatisfy(d -> assertThat(d.policy())
                .isEqualTo(config.aggregation().policy()));
        assertThat(config.aggregation().policy()).isNotEqualTo(AggregationPolicy.NONE);
        return new Observed(result, sent, barClosingAt);
    }

    private static int barAt(long timeMillis) {
        int found = -1;
        for (int lo = 0, hi = bars.size() - 1; lo <= hi; ) {
            int mid = (lo + hi) >>> 1;
            if (bars.get(mid).openTimeMillis() <= timeMillis) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    private static Path write(ResultDocument doc) {
        try {
            Path file = Files.createTempFile("result", ".json");
            ResultJson.write(doc, file);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
