package org.hindcast.testing;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * Marks the database resource for every @QuarkusTest: all test classes share one application and one
 * PostgreSQL, and make their own uniquely named data.
 */
@QuarkusTestResource(PostgresTestResource.class)
public final class LedgerTest {
    private LedgerTest() {
    }
}
