package io.quantplug.runtime.internal.engine;

import io.quantplug.api.signal.SignalDirection;
import io.quantplug.runtime.session.AggregationPolicy;
import io.quantplug.runtime.session.SignalVote;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.quantplug.api.signal.SignalDirection.FLAT;
import static io.quantplug.api.signal.SignalDirection.LONG;
import static io.quantplug.api.signal.SignalDirection.SHORT;
import static io.quantplug.runtime.session.AggregationPolicy.MAJORITY;
import static io.quantplug.runtime.session.AggregationPolicy.UNANIMOUS;
import static io.quantplug.runtime.session.AggregationPolicy.WEIGHTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * Votes of one bar and the decision each policy takes on them, worked out by hand from the policies' definitions
 * (the arithmetic is in the comments). {@code a} is an abstention.
 */
class SignalVotingTest {

    private static SignalVote v(String instance, SignalDirection direction) {
        return new SignalVote(instance, direction, 1, 1, 1, direction + " reason");
    }

    private static SignalVote w(String instance, SignalDirection direction, double strength, double weight) {
        return new SignalVote(instance, direction, strength, 1, weight, "why");
    }

    private static SignalVote a(String instance) {
        return SignalVote.abstained(instance, 1);
    }

    private static SignalVoting.Verdict count(AggregationPolicy policy, SignalVote... votes) {
        return SignalVoting.decide(policy, List.of(votes), 1);
    }

    @Test
    void unanimousTradesOnlyWhenEveryInstanceSignalsTheSameDirection() {
        SignalVoting.Verdict all = count(UNANIMOUS, v("a", LONG), v("b", LONG), v("c", LONG));
        assertThat(all.direction()).isEqualTo(LONG);
        assertThat(all.score()).isEqualTo(1.0); // 3 of 3
        assertThat(all.summary()).isEqualTo("LONG: all 3 instances (UNANIMOUS)");

        SignalVoting.Verdict exits = count(UNANIMOUS, v("a", FLAT), v("b", FLAT));
        assertThat(exits.direction()).isEqualTo(FLAT);

        // one abstains: 2 of 3 = 0.667 < 1
        SignalVoting.Verdict missing = count(UNANIMOUS, v("a", LONG), v("b", LONG), a("c"));
        assertThat(missing.direction()).isNull();
        assertThat(missing.leading()).isEqualTo(LONG);
        assertThat(missing.score()).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(missing.summary()).isEqualTo("NO_TRADE: not unanimous (LONG 2, abstained 1 of 3)");

        // a FLAT is a disagreement, not an opposite: still no unanimity
        assertThat(count(UNANIMOUS, v("a", LONG), v("b", FLAT)).direction()).isNull();
    }

    @Test
    void majorityNeedsMoreThanHalfOfTheGroup() {
        // 2 of 3 > 1.5
        SignalVoting.Verdict two = count(MAJORITY, v("a", LONG), v("b", LONG), v("c", FLAT));
        assertThat(two.direction()).isEqualTo(LONG);
        assertThat(two.score()).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(two.threshold()).isEqualTo(0.5);
        assertThat(two.summary()).isEqualTo("LONG: 2 of 3 instances (MAJORITY)");

        // 2 of 4 is not more than half: abstentions count in the group
        SignalVoting.Verdict half = count(MAJORITY, v("a", LONG), v("b", LONG), a("c"), a("d"));
        assertThat(half.direction()).isNull();
        assertThat(half.score()).isEqualTo(0.5);
        assertThat(half.summary()).isEqualTo("NO_TRADE: no majority (LONG 2, abstained 2 of 4)");

        // a majority to exit, though one instance wants to stay long (FLAT has no opposite)
        assertThat(count(MAJORITY, v("a", FLAT), v("b", FLAT), v("c", LONG)).direction()).isEqualTo(FLAT);

        // a tie of 1 : 1 : 1 leads with the first of LONG, FLAT, SHORT and trades nothing
        SignalVoting.Verdict tie = count(MAJORITY, v("a", FLAT), v("b", LONG), a("c"));
        assertThat(tie.direction()).isNull();
        assertThat(tie.leading()).isEqualTo(LONG);
    }

    @Test
    void oppositeDirectionsOnTheSameBarMeanNoTradeUnderEveryPolicy() {
        // 3 of 4 LONG would be a majority, and 0.75 would pass the threshold 0.5, but one SHORT blocks both
        SignalVote[] votes = {v("a", LONG), v("b", LONG), v("c", LONG), v("d", SHORT)};
        for (AggregationPolicy p : List.of(UNANIMOUS, MAJORITY)) {
            SignalVoting.Verdict verdict = count(p, votes);
            assertThat(verdict.direction()).as(p.name()).isNull();
            assertThat(verdict.summary()).isEqualTo("NO_TRADE: LONG and SHORT on the same bar (LONG 3, SHORT 1 of 4)");
        }
        SignalVoting.Verdict weighted = SignalVoting.decide(WEIGHTED, List.of(votes), 0.5);
        assertThat(weighted.direction()).isNull();
        assertThat(weighted.score()).isEqualTo(0.75); // (1 + 1 + 1) / 4
    }

    @Test
    void weightedSumsWeightTimesStrengthOfTheAgreeingOverAllWeights() {
        // weights 3, 2, 1 (sum 6): LONG = (3 x 1.0 + 2 x 0.5) / 6 = 4 / 6 = 0.6667; FLAT = 1 x 1.0 / 6 = 0.1667
        List<SignalVote> votes = List.of(w("a", LONG, 1.0, 3), w("b", LONG, 0.5, 2), w("c", FLAT, 1.0, 1));
        SignalVoting.Verdict passes = SignalVoting.decide(WEIGHTED, votes, 0.6);
        assertThat(passes.direction()).isEqualTo(LONG);
        assertThat(passes.score()).isCloseTo(4.0 / 6, within(1e-15));
        assertThat(passes.threshold()).isEqualTo(0.6);
        assertThat(passes.summary()).isEqualTo("LONG: score 0.6667, threshold 0.6000 (WEIGHTED)");

        SignalVoting.Verdict short0 = SignalVoting.decide(WEIGHTED, votes, 0.7); // 0.6667 < 0.7
        assertThat(short0.direction()).isNull();
        assertThat(short0.summary()).isEqualTo("NO_TRADE: LONG score 0.6667, threshold 0.7000 (WEIGHTED)");

        // exactly at the threshold passes: 3 x 1.0 / 6 = 0.5 >= 0.5
        assertThat(SignalVoting.decide(WEIGHTED, List.of(w("a", LONG, 1.0, 3), SignalVote.abstained("b", 3)), 0.5)
                .direction()).isEqualTo(LONG);

        // an abstaining heavy instance dilutes: 1 x 1.0 / (1 + 5) = 0.1667 < 0.5
        assertThat(SignalVoting.decide(WEIGHTED, List.of(w("a", LONG, 1.0, 1), SignalVote.abstained("b", 5)), 0.5)
                .direction()).isNull();
    }

    @Test
    void weightedWithTwoDirectionsReachingTheThresholdTradesNothing() {
        // LONG = 1 x 1.0 / 2 = 0.5 and FLAT = 1 x 1.0 / 2 = 0.5, both >= 0.3
        SignalVoting.Verdict split = SignalVoting.decide(WEIGHTED,
                List.of(w("a", LONG, 1.0, 1), w("b", FLAT, 1.0, 1)), 0.3);
        assertThat(split.direction()).isNull();
        assertThat(split.summary()).isEqualTo("NO_TRADE: LONG and FLAT both reach the threshold 0.3000 (WEIGHTED)");
    }

    @Test
    void nothingToCountIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> SignalVoting.decide(MAJORITY, List.of(), 1));
        assertThatIllegalArgumentException().isThrownBy(() -> SignalVoting.decide(AggregationPolicy.NONE,
                List.of(v("a", LONG)), 1));
        SignalVoting.Verdict nobody = count(MAJORITY, a("a"), a("b"));
        assertThat(nobody.direction()).isNull();
        assertThat(nobody.leading()).isNull();
        assertThat(nobody.summary()).isEqualTo("NO_TRADE: no instance signalled");
    }
}
