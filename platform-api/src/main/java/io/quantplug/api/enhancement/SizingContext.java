package io.quantplug.api.enhancement;

/** What a position sizer may read: the enhancement context plus the price the size is based on. */
public interface SizingContext extends EnhancementContext {

    /**
     * The last price of the instrument (the close of the latest bar): the price to size against. The fill will
     * happen later, at a price not yet known.
     *
     * @return quote per base, &gt; 0
     */
    double referencePrice();
}
