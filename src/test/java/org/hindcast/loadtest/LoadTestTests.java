package org.hindcast.loadtest;

import org.hindcast.tools.Tools;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.hindcast.testing.Ledger;
import org.hindcast.testing.Staff;
import org.junit.jupiter.api.Test;

import java.net.URL;

import static org.hindcast.testing.Staff.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The load test writes only to what it creates for itself, in a ledger it was told is meant for it: the
 * finding was a permanent analyst account and "Load test observation" evidence on public corpus forecasts.
 */
@QuarkusTest
class LoadTestTests {

    @Inject
    Ledger ledger;

    @TestHTTPResource("/")
    URL base;

    private long scalar(String sql) {
        return ((Number) ledger.scalar(sql)).longValue();
    }

    @Test
    void theLoadTestRefusesALedgerNotMeantForItAndOtherwiseWritesOnlyToItsOwnData() throws Exception {
        as("admin").post("/api/admin/corpus/import").then().statusCode(200);
        Staff.ensure();
        String url = base.toString().replaceAll("/$", "");
        var before = ledger.counts();
        assertEquals(2, Tools.run("loadtest", "--url", url, "--admin-password", Staff.ADMIN_PASSWORD, "--seconds", "2"));
        assertEquals(before, ledger.counts(), "without --disposable-ledger nothing is written");

        long evidenceElsewhere = scalar("select count(*) from evidence e join forecast f on f.id = e.forecast_id "
                + "join paper p on p.id = f.paper_id where p.slug not like 'loadtest-%'");
        int exit = Tools.run("loadtest", "--url", url, "--admin-password", Staff.ADMIN_PASSWORD, "--seconds", "4",
                "--requests", "300", "--connections", "4", "--disposable-ledger", "yes");
        assertEquals(0, exit, "no request failed");
        assertEquals(evidenceElsewhere, scalar("select count(*) from evidence e join forecast f on f.id = e.forecast_id "
                + "join paper p on p.id = f.paper_id where p.slug not like 'loadtest-%'"), "nothing written to others' forecasts");
        assertTrue(scalar("select count(*) from evidence e join forecast f on f.id = e.forecast_id join paper p on p.id = f.paper_id "
                + "where p.slug like 'loadtest-%'") > 0, "its writes went to its own forecasts");
        assertEquals(0L, scalar("select count(*) from app_user where username like 'loadtest-%' and enabled"),
                "its accounts are disabled when it ends");
        assertEquals(2L, scalar("select count(*) from app_user where username like 'loadtest-%'"));
    }
}
