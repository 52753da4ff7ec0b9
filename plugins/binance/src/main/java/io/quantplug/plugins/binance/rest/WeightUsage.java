package io.quantplug.plugins.binance.rest;

/**
 * The usage Binance last reported in its response headers.
 *
 * @param usedWeight1m      {@code X-MBX-USED-WEIGHT-1M}: request weight used by this IP in the current minute, or
 *                          -1 before any answer
 * @param orderCount10s     {@code X-MBX-ORDER-COUNT-10S}: orders placed by the account in the current 10 seconds,
 *                          or -1 when not reported
 * @param orderCountLong    {@code X-MBX-ORDER-COUNT-1D} (spot) or {@code X-MBX-ORDER-COUNT-1M} (USD&#9416;-M):
 *                          orders in the longer window, or -1 when not reported
 * @param availableWeight   request weight the client's limiter still grants in its current period
 */
public record WeightUsage(int usedWeight1m, int orderCount10s, int orderCountLong, int availableWeight) {
}
