package io.quantplug.api.order;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientOrderIdTest {

    @Test
    void acceptsBinanceAlphabetUpTo36Characters() {
        assertThat(new ClientOrderId("sma-crossover-1-42").value()).isEqualTo("sma-crossover-1-42");
        assertThat(new ClientOrderId("A.b:c/d_e-0")).hasToString("A.b:c/d_e-0");
        assertThat(new ClientOrderId("x".repeat(36)).value()).hasSize(36);
    }

    @Test
    void refusesEmptyTooLongOrOtherCharacters() {
        assertThatThrownBy(() -> new ClientOrderId("")).hasMessageContaining("1-36 characters");
        assertThatThrownBy(() -> new ClientOrderId("x".repeat(37))).hasMessageContaining("1-36 characters");
        assertThatThrownBy(() -> new ClientOrderId("a b")).hasMessageContaining("'a b'");
        assertThatThrownBy(() -> new ClientOrderId("ü")).isInstanceOf(IllegalArgumentException.class);
    }
}
