package io.quantplug.web.routes;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.UploadedFile;
import io.quantplug.api.instrument.Instrument;
import io.quantplug.app.InstrumentResolver;
import io.quantplug.app.UserInputException;
import io.quantplug.runtime.data.LoadedBars;
import io.quantplug.runtime.store.BarStore;
import io.quantplug.web.Api;
import io.quantplug.web.ApiException;
import io.quantplug.web.Json;
import io.quantplug.web.Services;
import io.quantplug.web.auth.Access;
import io.quantplug.web.session.DataSets;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** {@code /api/datasets}: upload bar files, list them and the stored series, import a file into the store. */
public final class DataRoutes {

    /**
     * The import body.
     *
     * @param symbol the symbol, or null to infer it from the file name
     * @param venue  the venue, default {@code BINANCE}
     */
    public record ImportRequest(String symbol, String venue) {
    }

    private final Services s;

    private DataRoutes(Services s) {
        this.s = s;
    }

    /**
     * Declares the endpoints.
     *
     * @param api the table
     * @param s   the services
     */
    public static void declare(Api api, Services s) {
        DataRoutes r = new DataRoutes(s);
        api.add(HandlerType.GET, "/api/datasets", Access.VIEWER, "data",
                "Uploaded data sets and the series stored in the database", r::list);
        api.add(HandlerType.POST, "/api/datasets", Access.TRADER, "data",
                "Upload a bar CSV (multipart form, part 'file'); it is read in full and refused with line and"
                        + " reason when bad", Api.MULTIPART_FILE, r::upload);
        api.add(HandlerType.POST, "/api/datasets/{name}/import", Access.TRADER, "data",
                "Import an uploaded data set into the database ({symbol?, venue?}; the body may be empty)",
                ImportRequest.class, r::importSet);
    }

    private void list(Context ctx) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("datasets", s.dataSets().list());
        out.put("stored", s.store().bars().list());
        ctx.json(out);
    }

    private void upload(Context ctx) throws IOException {
        UploadedFile file = UploadPart.of(ctx, s.dataSets()::tooLarge, "the CSV");
        DataSets.Info info;
        try (InputStream in = file.content()) {
            info = s.dataSets().upload(file.filename(), in);
        }
        s.store().audit().append(Api.principal(ctx).username(), "dataset.uploaded", "dataset/" + info.name(),
                info.bars() + " bars of " + info.timeframe());
        s.hub().publish("dataset", info);
        ctx.status(201).json(info);
    }

    private void importSet(Context ctx) {
        String name = ctx.pathParam("name");
        ImportRequest req = ctx.body().isBlank() ? new ImportRequest(null, null)
                : Json.body(ctx, ImportRequest.class);
        LoadedBars loaded;
        try {
            loaded = s.dataSets().load(name, "name");
        } catch (ApiException e) {
            throw ApiException.notFound("name", e.getMessage());
        }
        Instrument instrument;
        try {
            instrument = InstrumentResolver.resolve(req.symbol(), req.venue() == null ? "BINANCE"
                    : req.venue().toUpperCase(Locale.ROOT), s.dataSets().file(name), loaded.series(), null, null,
                    null);
        } catch (UserInputException e) {
            throw ApiException.badField("symbol", e.getMessage().replace("--symbol", "symbol"));
        }
        BarStore.ImportResult result = s.store().bars().importBars(instrument, loaded.series());
        s.store().audit().append(Api.principal(ctx).username(), "dataset.imported", "dataset/" + name,
                result.inserted() + " bars inserted as " + result.instrument() + " " + result.timeframe().label());
        ctx.json(Map.of("instrument", result.instrument().toString(), "timeframe", result.timeframe().label(),
                "inserted", result.inserted(), "alreadyThere", result.alreadyThere()));
    }
}
