package dev.dora.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog as it stands, and the services events name that it does not know. */
class CatalogQueryTest {
    @TempDir Path root;
    @TempDir Path spill;
    private WarehouseFixtures tables;
    private Warehouse warehouse;

    @BeforeEach
    void open() {
        tables = new WarehouseFixtures(root);
        warehouse = new Warehouse(new WarehouseConfig(root, spill, "128MB", 1));
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    @Test
    void theLatestImportOfEachServiceAndWhatEventsNameBeyondIt() throws Exception {
        tables.catalogService(
                "i1", "2026-02-20T00:00:00Z", "checkout", "payments", null, "Acme/Checkout");
        tables.catalogService(
                "i2", "2026-03-01T00:00:00Z", "checkout", "commerce", null, "acme/checkout");
        tables.catalogService("i1", "2026-02-20T00:00:00Z", "ledger", "finance", null, null);
        tables.deploy("acme/checkout", "c1", "s1", "2026-03-02T14:00:00Z");
        tables.deploy("ledger", "l1", "s2", "2026-03-02T15:00:00Z");
        tables.deploy("acme/legacy", "x1", "s3", "2026-03-03T10:00:00Z");
        tables.incident("acme/legacy", "INC-1", "2026-03-04T10:00:00Z", null);
        tables.incident("acme/orphan", "INC-2", "2026-03-05T10:00:00Z", null);
        tables.write();

        assertThat(warehouse.catalog())
                .extracting(r -> r.get("service") + ":" + r.get("team"))
                .containsExactly("checkout:commerce", "ledger:finance");
        List<Map<String, Object>> unmapped = warehouse.catalogUnmapped();
        assertThat(unmapped)
                .extracting(r -> r.get("service") + " in " + r.get("seen_in"))
                .containsExactly(
                        "acme/legacy in deployments, incidents", "acme/orphan in incidents");
    }
}
