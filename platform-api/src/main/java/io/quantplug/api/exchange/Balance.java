package io.quantplug.api.exchange;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The balance of one asset on a venue.
 *
 * @param asset  asset code, e.g. {@code USDT}
 * @param free   available, asset units
 * @param locked held by working orders, asset units
 */
public record Balance(String asset, BigDecimal free, BigDecimal locked) {

    /**
     * Checks that no component is null.
     *
     * @param asset asset code, e.g. {@code USDT}
     * @param free available, asset units
     * @param locked held by working orders, asset units
     */
    public Balance {
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(free, "free");
        Objects.requireNonNull(locked, "locked");
    }
}
