package org.hindcast.users;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginThrottleTests {

    private final Instant[] now = {Instant.parse("2026-01-01T00:00:00Z")};

    private LoginThrottle throttle() {
        LoginThrottle t = new LoginThrottle();
        t.perAccount = 5;
        t.perAddress = 20;
        t.window = Duration.ofMinutes(15);
        t.clock = new Clock() {
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            public Clock withZone(ZoneId zone) {
                return this;
            }

            public Instant instant() {
                return now[0];
            }
        };
        return t;
    }

    @Test
    void twentyFailuresFromOneAddressLockThatAddressForTheWindow() {
        LoginThrottle t = throttle();
        for (int i = 0; i < 19; i++) {
            t.failed("user" + i, "10.9.9.9");
        }
        assertFalse(t.locked("someone-else", "10.9.9.9"));
        t.failed("user19", "10.9.9.9");
        assertTrue(t.locked("someone-else", "10.9.9.9"));
        assertFalse(t.locked("someone-else", "10.9.9.10"), "other addresses are not affected");
        now[0] = now[0].plus(Duration.ofMinutes(16));
        assertFalse(t.locked("someone-else", "10.9.9.9"), "the lock lasts the window");
    }

    @Test
    void fiveFailuresLockTheAccountAndASuccessClearsIt() {
        LoginThrottle t = throttle();
        for (int i = 0; i < 4; i++) {
            t.failed("ed", null);
        }
        assertFalse(t.locked("ed", null));
        t.succeeded("ed");
        for (int i = 0; i < 4; i++) {
            t.failed("ed", null);
        }
        assertFalse(t.locked("ed", null), "the success reset the count");
        t.failed("ed", null);
        assertTrue(t.locked("ed", null));
    }
}
