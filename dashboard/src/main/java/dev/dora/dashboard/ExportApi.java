package dev.dora.dashboard;

import dev.dora.warehouse.Export;
import dev.dora.warehouse.Period;
import dev.dora.warehouse.Scope;
import dev.dora.warehouse.Warehouse;
import io.javalin.http.Context;
import java.io.IOException;

/**
 * {@code GET /api/v1/export/{dataset}.{csv|json|parquet}} (exporter): deployments, changes,
 * incidents or the weekly summary per service, with the same filters as the read API, as a file
 * download.
 */
final class ExportApi {
    private final Warehouse warehouse;
    private final Filters filters;

    ExportApi(Warehouse warehouse, Filters filters) {
        this.warehouse = warehouse;
        this.filters = filters;
    }

    void export(Context ctx) throws IOException {
        Export.Dataset dataset;
        Export.Format format;
        try {
            dataset = Export.Dataset.parse(ctx.pathParam("dataset"));
            format = Export.Format.parse(ctx.pathParam("format"));
        } catch (IllegalArgumentException e) {
            throw new ApiException(404, e.getMessage());
        }
        Period period = filters.period(ctx);
        Scope scope = Filters.scope(ctx);
        ctx.contentType(format.mediaType());
        ctx.header(
                "Content-Disposition",
                "attachment; filename=\"" + fileName(dataset, format, period) + "\"");
        warehouse.export(dataset, format, period, scope, ctx.outputStream());
    }

    /** {@code dora-deployments-2026-01-01-2026-03-31.csv}. */
    static String fileName(Export.Dataset dataset, Export.Format format, Period period) {
        return "dora-" + dataset.id() + "-" + period.from() + "-" + period.to() + "." + format.id();
    }
}
