package io.quantplug.api.market;

/**
 * One price level of an order book.
 *
 * @param price    price, quote per base
 * @param quantity resting quantity at that price, base units, &ge; 0
 */
public record BookLevel(double price, double quantity) {
}
