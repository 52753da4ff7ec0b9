package io.quantplug.runtime.store;

import io.quantplug.runtime.report.ResultDocument;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunCompletionTest {

    @Test
    void aDocumentWhoseEquityWasThinnedIsNotStored() {
        List<ResultDocument.EquityPoint> equity = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            equity.add(new ResultDocument.EquityPoint(Instant.ofEpochSecond(60L * i), 1_000 + i % 3));
        }
        ResultDocument whole = new ResultDocument(ResultDocument.FORMAT, null, null, List.of(), equity, List.of(),
                List.of(), new ResultDocument.Counts(0, 0, 0), List.of(), List.of(), null);

        assertThatThrownBy(() -> new RunCompletion(7, whole.withEquityPoints(10), "alice", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("run 7: store the whole result; its equity was thinned to 10 of 50 points");
        assertThatCode(() -> new RunCompletion(7, whole, "alice", null)).doesNotThrowAnyException();
    }
}
