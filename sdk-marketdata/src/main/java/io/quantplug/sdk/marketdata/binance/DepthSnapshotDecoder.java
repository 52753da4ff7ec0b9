package io.quantplug.sdk.marketdata.binance;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.quantplug.sdk.book.DepthSnapshot;

import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;

/**
 * Decodes Binance's REST depth snapshot ({@code {"lastUpdateId":..,"bids":[["price","qty"],..],"asks":[..]}},
 * the body of spot {@code GET /api/v3/depth} and futures {@code GET /fapi/v1/depth}, whose extra {@code E}/{@code T}
 * fields are skipped) into a {@link DepthSnapshot}. Thread-safe.
 */
public final class DepthSnapshotDecoder {

    private final JsonFactory factory;

    /**
     * A decoder.
     *
     * @param factory Jackson's factory, not null
     */
    public DepthSnapshotDecoder(JsonFactory factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    /**
     * Decodes one snapshot body.
     *
     * @param text the JSON body, not null
     * @return the snapshot
     * @throws MalformedStreamMessageException if it is not a depth snapshot (no {@code lastUpdateId}, bad levels)
     */
    public DepthSnapshot decode(String text) {
        long lastUpdateId = -1;
        double[][] bids = {new double[0], new double[0]};
        double[][] asks = {new double[0], new double[0]};
        try (JsonParser p = factory.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedStreamMessageException("depth snapshot is not a JSON object", text);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (name.equals("lastUpdateId")) {
                    lastUpdateId = p.getLongValue();
                } else if (name.equals("bids") && t == JsonToken.START_ARRAY) {
                    bids = levels(p);
                } else if (name.equals("asks") && t == JsonToken.START_ARRAY) {
                    asks = levels(p);
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException | NumberFormatException e) {
            throw new MalformedStreamMessageException(e.getMessage(), text);
        }
        if (lastUpdateId < 0) {
            throw new MalformedStreamMessageException("depth snapshot without lastUpdateId", text);
        }
        return new DepthSnapshot(lastUpdateId, bids[0], bids[1], asks[0], asks[1]);
    }

    private static double[][] levels(JsonParser p) throws IOException {
        double[] prices = new double[64];
        double[] quantities = new double[64];
        int n = 0;
        while (p.nextToken() == JsonToken.START_ARRAY) {
            if (n == prices.length) {
                prices = Arrays.copyOf(prices, n * 2);
                quantities = Arrays.copyOf(quantities, n * 2);
            }
            p.nextToken();
            prices[n] = DecimalText.parse(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            p.nextToken();
            quantities[n] = DecimalText.parse(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            n++;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                p.skipChildren();
            }
        }
        return new double[][]{Arrays.copyOf(prices, n), Arrays.copyOf(quantities, n)};
    }
}
