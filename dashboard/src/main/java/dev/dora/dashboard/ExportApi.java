package dev.dora.dashboard;

import dev.dora.dashboard.surveys.SurveysApi;
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
    /** The survey results dataset: {@code survey-results.csv|json?survey=ID}. */
    static final String SURVEY_RESULTS = "survey-results";

    private final Warehouse warehouse;
    private final Filters filters;
    private final SurveysApi surveys; // null: no surveys here

    ExportApi(Warehouse warehouse, Filters filters, SurveysApi surveys) {
        this.warehouse = warehouse;
        this.filters = filters;
        this.surveys = surveys;
    }

    void export(Context ctx) throws IOException {
        if (surveys != null && SURVEY_RESULTS.equals(ctx.pathParam("dataset"))) {
            surveys.export(ctx, ctx.pathParam("format"));
            return;
        }
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
