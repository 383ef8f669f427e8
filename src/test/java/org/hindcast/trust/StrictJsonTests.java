package org.hindcast.trust;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.hindcast.testing.Ledger;
import org.hindcast.testing.Staff;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hindcast.testing.Staff.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A JSON body means one thing: a key given twice is refused, not read as its last value. */
@QuarkusTest
class StrictJsonTests {

    @Inject
    Ledger ledger;

    @Test
    void aKeyGivenTwiceIsRefusedWithTheKeyNamedAndChangesNothing() {
        Staff.ensure();
        var before = ledger.counts();
        String slug = Ledger.unique("dup");
        as("editor").body("{\"slug\":\"" + slug + "\",\"name\":\"Harmless\",\"name\":\"Other\"}").post("/api/themes")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("name"));
        as("admin").body("{\"username\":\"" + slug + "\",\"displayName\":\"D\",\"password\":\"a-long-enough-secret\","
                        + "\"roles\":[\"ANALYST\"],\"roles\":[\"ADMIN\"]}").post("/api/users")
                .then().statusCode(400).body("detail", containsString("roles"));
        // nested objects too
        as("editor").body("{\"slug\":\"" + slug + "\",\"title\":\"T\",\"publisher\":\"P\",\"published\":\"2024-05-01\","
                        + "\"authors\":[{\"name\":\"A\",\"name\":\"B\"}]}").post("/api/sources")
                .then().statusCode(400).body("detail", containsString("name"));
        assertEquals(before, ledger.counts());
        // the same bodies without the repetition are accepted
        as("editor").body("{\"slug\":\"" + slug + "\",\"name\":\"Harmless\"}").post("/api/themes")
                .then().statusCode(201).body("name", equalTo("Harmless"));
    }
}
