package io.quantplug.runtime.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EquityThinningTest {

    /** A sawtooth of n points with one deep fall from point 300 (peak 1,300) to point 301 (700). */
    private static List<ResultDocument.EquityPoint> equity(int n) {
        List<ResultDocument.EquityPoint> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double v = i == 300 ? 1_300 : i == 301 ? 700 : 1_000 + (i % 7) * 10;
            out.add(new ResultDocument.EquityPoint(Instant.ofEpochSecond(1_677_628_800L + 60L * i), v));
        }
        return out;
    }

    private static ResultDocument document(int n) {
        return new ResultDocument(ResultDocument.FORMAT, null, null, List.of(), equity(n), List.of(), List.of(),
                new ResultDocument.Counts(0, 0, 0), List.of(), List.of(), null);
    }

    @Test
    void thinsToTheBoundKeepingTheDeepestFallAndSaysSoInTheJson() throws Exception {
        ResultDocument whole = document(10_000);
        ResultDocument thinned = whole.withEquityPoints(100);

        assertThat(thinned.equity()).hasSize(100).contains(whole.equity().get(300), whole.equity().get(301),
                whole.equity().get(0), whole.equity().get(9_999));
        assertThat(thinned.equitySampling()).isEqualTo(new ResultDocument.EquitySampling(10_000, 100, "LTTB"));
        JsonNode json = ResultJson.mapper().readTree(ResultJson.mapper().writeValueAsString(thinned));
        assertThat(json.get("equity")).hasSize(100);
        assertThat(json.at("/equitySampling/points").asLong()).isEqualTo(10_000);
        assertThat(json.at("/equitySampling/method").asText()).isEqualTo("LTTB");
        // thinning again keeps the whole curve's count; a whole document has no equitySampling at all
        assertThat(thinned.withEquityPoints(50).equitySampling().points()).isEqualTo(10_000);
        assertThat(ResultJson.mapper().readTree(ResultJson.mapper().writeValueAsString(whole))
                .has("equitySampling")).isFalse();
        ResultDocument small = document(100);
        assertThat(small.withEquityPoints(100)).isSameAs(small);
        assertThatThrownBy(() -> whole.withEquityPoints(7)).hasMessage("maxPoints must be >= 8, got 7");
    }
}
