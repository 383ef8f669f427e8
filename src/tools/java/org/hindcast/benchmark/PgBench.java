package org.hindcast.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a SQL script under pgbench ({@code -c clients -j 2 -T seconds}, one script run is one transaction)
 * on the local server, and reads its per-transaction log for latency percentiles.
 */
final class PgBench {

    record Result(double perSecond, Latencies latencies) {
    }

    private PgBench() {
    }

    static Result run(String pgbench, int port, String database, String sql, Path dir, int clients, double seconds)
            throws Exception {
        Path script = dir.resolve("script.sql");
        Files.writeString(script, sql);
        try (var old = Files.list(dir)) {
            for (Path p : old.filter(p -> p.getFileName().toString().startsWith("pgbench_log")).toList()) {
                Files.delete(p);
            }
        }
        List<String> command = List.of(pgbench, "-n", "-h", "localhost", "-p", Integer.toString(port), "-U", "postgres",
                "-c", Integer.toString(clients), "-j", "2", "-T", Integer.toString((int) Math.ceil(seconds)),
                "-f", script.toString(), "-l", "--log-prefix=" + dir.resolve("pgbench_log"), database);
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("PGPASSWORD", Benchmark.dbPassword);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor((long) seconds + 120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("pgbench failed: " + out);
        }
        Matcher tps = Pattern.compile("tps = ([\\d.]+) \\((without|excluding)").matcher(out);
        if (!tps.find()) {
            throw new IllegalStateException("pgbench printed no tps: " + out);
        }
        Latencies latencies = new Latencies();
        try (var logs = Files.list(dir)) {
            for (Path log : logs.filter(f -> f.getFileName().toString().startsWith("pgbench_log")).toList()) {
                for (String line : Files.readAllLines(log)) {
                    String[] f = line.split(" ");
                    if (f.length >= 3) {
                        latencies.add(Long.parseLong(f[2]) * 1000);
                    }
                }
                Files.delete(log);
            }
        }
        return new Result(Double.parseDouble(tps.group(1)), latencies);
    }


}
