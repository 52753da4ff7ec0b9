package io.quantplug.plugins.binance.rest;

import io.quantplug.api.order.RejectReason;
import io.quantplug.api.order.RejectSource;

import java.util.Locale;

/**
 * Maps Binance's order and cancel error codes (Binance "Error Codes" for spot and USD&#9416;-M futures) to typed
 * {@link RejectReason}s with source {@link RejectSource#VENUE}; the venue's message is kept for people.
 *
 * <table>
 *   <caption>codes</caption>
 *   <tr><th>Binance</th><th>reason code</th></tr>
 *   <tr><td>-2010 NEW_ORDER_REJECTED, message "insufficient balance"</td><td>{@code INSUFFICIENT_FUNDS}</td></tr>
 *   <tr><td>-2010, message "Duplicate order sent."</td><td>{@code DUPLICATE_ORDER}</td></tr>
 *   <tr><td>-2010, other messages</td><td>{@code ORDER_REJECTED}</td></tr>
 *   <tr><td>-2019 MARGIN_NOT_SUFFICIEN (futures)</td><td>{@code INSUFFICIENT_MARGIN}</td></tr>
 *   <tr><td>-1013 filter failure (spot: "Filter failure: LOT_SIZE" ...)</td>
 *       <td>{@code FILTER_<name>}, e.g. {@code FILTER_LOT_SIZE}; {@code FILTER_FAILURE} when unnamed</td></tr>
 *   <tr><td>-4164 MIN_NOTIONAL (futures)</td><td>{@code FILTER_MIN_NOTIONAL}</td></tr>
 *   <tr><td>-1111 BAD_PRECISION</td><td>{@code PRECISION}</td></tr>
 *   <tr><td>-1121 BAD_SYMBOL</td><td>{@code UNKNOWN_SYMBOL}</td></tr>
 *   <tr><td>-2011 CANCEL_REJECTED, -2013 NO_SUCH_ORDER</td><td>{@code UNKNOWN_ORDER}</td></tr>
 *   <tr><td>-1015 TOO_MANY_ORDERS</td><td>{@code TOO_MANY_ORDERS}</td></tr>
 *   <tr><td>-5022 post-only would take (futures GTX)</td><td>{@code POST_ONLY_WOULD_TAKE}</td></tr>
 *   <tr><td>-1100 .. -1199 other parameter errors</td><td>{@code INVALID_ORDER}</td></tr>
 *   <tr><td>anything else</td><td>{@code BINANCE_<abs(code)>}</td></tr>
 * </table>
 */
public final class RejectReasons {

    private RejectReasons() {
    }

    /**
     * The typed reason of a venue error answer to an order or cancel.
     *
     * @param error the venue's error
     * @return the reason, source {@link RejectSource#VENUE}, message {@code "Binance <code>: <msg>"}
     */
    public static RejectReason of(BinanceApiException error) {
        return new RejectReason(RejectSource.VENUE, code(error.code(), error.venueMessage()),
                "Binance " + error.code() + ": " + error.venueMessage(), null);
    }

    static String code(int code, String message) {
        String msg = message == null ? "" : message.toLowerCase(Locale.ROOT);
        return switch (code) {
            case -2010 -> msg.contains("insufficient balance") ? "INSUFFICIENT_FUNDS"
                    : msg.contains("duplicate") ? "DUPLICATE_ORDER" : "ORDER_REJECTED";
            case -2019 -> "INSUFFICIENT_MARGIN";
            case -1013 -> filter(message);
            case -4164 -> "FILTER_MIN_NOTIONAL";
            case -1111 -> "PRECISION";
            case -1121 -> "UNKNOWN_SYMBOL";
            case -2011, -2013 -> "UNKNOWN_ORDER";
            case -1015 -> "TOO_MANY_ORDERS";
            case -5022 -> "POST_ONLY_WOULD_TAKE";
            default -> code <= -1100 && code >= -1199 ? "INVALID_ORDER" : "BINANCE_" + Math.abs(code);
        };
    }

    private static String filter(String message) {
        String prefix = "Filter failure: ";
        if (message != null && message.startsWith(prefix)) {
            String name = message.substring(prefix.length()).strip();
            if (name.matches("[A-Z][A-Z_]{0,40}")) {
                return "FILTER_" + ("NOTIONAL".equals(name) ? "MIN_NOTIONAL" : name);
            }
        }
        return "FILTER_FAILURE";
    }
}
