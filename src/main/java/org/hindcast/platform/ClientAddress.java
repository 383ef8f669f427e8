package org.hindcast.platform;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigInteger;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The client's address and scheme as the service may believe them. A forwarded header is read only when the
 * connection comes from a configured trusted proxy, and then from the right: each proxy appends the address it
 * saw, so the right-most hop that is not one of ours is the client; anything to its left was written by the
 * client and is ignored.
 */
@ApplicationScoped
public class ClientAddress {

    private final List<Range> trusted;

    @jakarta.inject.Inject
    ClientAddress(HttpConfig config) {
        this(config.trustedProxies().orElse(List.of()));
    }

    ClientAddress(List<String> trustedProxies) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : trustedProxies) {
            if (!entry.isBlank()) {
                ranges.add(Range.parse(entry.trim()));
            }
        }
        this.trusted = List.copyOf(ranges);
    }

    public String of(HttpServerRequest request) {
        String peer = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        return resolve(peer, request.headers().getAll("X-Forwarded-For"));
    }

    /** True when the client reached us over TLS: directly, or as a trusted proxy says. */
    public boolean secure(HttpServerRequest request) {
        if (request.isSSL()) {
            return true;
        }
        String peer = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        if (!isTrusted(peer)) {
            return false;
        }
        List<String> proto = hops(request.headers().getAll("X-Forwarded-Proto"));
        return !proto.isEmpty() && proto.get(proto.size() - 1).equalsIgnoreCase("https");
    }

    String resolve(String peer, List<String> forwardedFor) {
        if (peer == null || !isTrusted(peer)) {
            return peer;
        }
        List<String> chain = hops(forwardedFor);
        String client = peer;
        for (int i = chain.size() - 1; i >= 0; i--) {
            String hop = chain.get(i);
            if (bytes(hop) == null) {
                return client;
            }
            client = hop;
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return client;
    }

    boolean isTrusted(String address) {
        if (address == null || trusted.isEmpty()) {
            return false;
        }
        byte[] bytes = bytes(address);
        if (bytes == null) {
            return false;
        }
        for (Range r : trusted) {
            if (r.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> hops(List<String> headers) {
        List<String> hops = new ArrayList<>();
        for (String header : headers) {
            for (String part : header.split(",")) {
                String hop = part.trim();
                if (hop.startsWith("[") && hop.contains("]")) {
                    hop = hop.substring(1, hop.indexOf(']'));
                } else if (hop.chars().filter(c -> c == ':').count() == 1) {
                    hop = hop.substring(0, hop.indexOf(':')); // IPv4 with a port
                }
                if (!hop.isEmpty()) {
                    hops.add(hop);
                }
            }
        }
        return hops;
    }

    /** The address's bytes for an IP literal, without any name look-up; null for anything else. */
    static byte[] bytes(String literal) {
        boolean ipv4 = literal.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = literal.length() <= 45 && literal.contains(":") && literal.matches("[0-9A-Fa-f:.]+");
        if (!ipv4 && !ipv6) {
            return null;
        }
        try {
            return InetAddress.getByName(literal).getAddress(); // a literal: no DNS query is made
        } catch (Exception e) {
            return null;
        }
    }

    record Range(byte[] network, int bits) {
        static Range parse(String entry) {
            String address = entry;
            int bits = -1;
            int slash = entry.indexOf('/');
            if (slash >= 0) {
                address = entry.substring(0, slash);
                bits = Integer.parseInt(entry.substring(slash + 1));
            }
            byte[] network = bytes(address);
            if (network == null) {
                throw new IllegalArgumentException("hindcast.http.trusted-proxies: '" + entry
                        + "' is not an IP address or CIDR range (names are not resolved)");
            }
            return new Range(network, bits < 0 ? network.length * 8 : bits);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int shift = network.length * 8 - bits;
            BigInteger a = new BigInteger(1, address).shiftRight(shift);
            BigInteger n = new BigInteger(1, network).shiftRight(shift);
            return a.equals(n);
        }
    }
}
