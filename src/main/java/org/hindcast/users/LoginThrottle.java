package org.hindcast.users;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after too many failed sign-ins for one account, or from one address, within a
 * window, further attempts are refused for that window, even with the right password. The refusal looks
 * exactly like a wrong password, so it reveals nothing about which accounts exist.
 */
@ApplicationScoped
public class LoginThrottle {

    @ConfigProperty(name = "hindcast.login.max-failures-per-account", defaultValue = "5")
    int perAccount;

    @ConfigProperty(name = "hindcast.login.max-failures-per-address", defaultValue = "20")
    int perAddress;

    @ConfigProperty(name = "hindcast.login.window", defaultValue = "PT15M")
    Duration window;

    Clock clock = Clock.systemUTC();

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public boolean locked(String username, String address) {
        return count("u:" + username) >= perAccount || (address != null && count("a:" + address) >= perAddress);
    }

    public void failed(String username, String address) {
        record("u:" + username);
        if (address != null) {
            record("a:" + address);
        }
        if (failures.size() > 100_000) {
            failures.clear();
        }
    }

    public void succeeded(String username) {
        failures.remove("u:" + username);
    }

    private int count(String key) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            Instant cutoff = clock.instant().minus(window);
            while (!times.isEmpty() && times.peekFirst().isBefore(cutoff)) {
                times.pollFirst();
            }
            return times.size();
        }
    }

    private void record(String key) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(clock.instant());
        }
    }
}
