package org.hindcast.ingestion;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

/**
 * Fetches a paper's web page (or its PDF) for the service, as a careful client would: http and https only, at most
 * five redirects, each checked again; 10 s to connect and 30 s in all; at most {@code maxBytes}; and, unless the
 * operator allows it, never an address of the service's own machine or private network (loopback, link-local,
 * site-local, unique-local, multicast), so that an editor's URL cannot reach what only the server can.
 */
public final class WebFetcher {

    /** What came back: the final address, its media type (lower case, no parameters) and charset, and the bytes. */
    public record Fetched(String url, String mediaType, String charset, byte[] body) {
    }

    private static final int MAX_REDIRECTS = 5;

    private final HttpClient client;
    private final boolean allowPrivateAddresses;
    private final long maxBytes;

    public WebFetcher(boolean allowPrivateAddresses, long maxBytes) {
        this.allowPrivateAddresses = allowPrivateAddresses;
        this.maxBytes = maxBytes;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public Fetched fetch(String address) throws UnreadableDocument {
        URI uri = parse(address);
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            check(uri);
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Accept", "text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.1")
                    .header("User-Agent", "Hindcast paper ingestion (+https://github.com/hindcast)").GET().build();
            HttpResponse<InputStream> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                throw new UnreadableDocument("the page could not be fetched from " + uri.getHost() + " ("
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")", false, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UnreadableDocument("the fetch was interrupted");
            }
            int status = response.statusCode();
            if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
                close(response);
                uri = uri.resolve(response.headers().firstValue("Location").get());
                continue;
            }
            if (status != 200) {
                close(response);
                throw new UnreadableDocument("the site answered " + status + " for " + uri);
            }
            String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
            String mediaType = type.split(";")[0].trim();
            String charset = null;
            for (String part : type.split(";")) {
                if (part.trim().startsWith("charset=")) {
                    charset = part.trim().substring(8).replace("\"", "");
                }
            }
            long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > maxBytes) {
                close(response);
                throw new UnreadableDocument("the page has " + declared + " bytes; at most " + maxBytes + " are read", true, null);
            }
            try (InputStream in = response.body()) {
                byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (body.length > maxBytes) {
                    throw new UnreadableDocument("the page has more than " + maxBytes + " bytes; at most " + maxBytes + " are read", true, null);
                }
                return new Fetched(uri.toString(), mediaType, charset, body);
            } catch (IOException e) {
                throw new UnreadableDocument("the page could not be read to its end (" + e.getMessage() + ")", false, e);
            }
        }
        throw new UnreadableDocument("the page redirects more than " + MAX_REDIRECTS + " times");
    }

    static URI parse(String address) throws UnreadableDocument {
        if (address == null || address.isBlank()) {
            throw new UnreadableDocument("give the page's address");
        }
        try {
            URI uri = new URI(address.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.isEmpty() && !scheme.equals("http") && !scheme.equals("https")) {
                throw new UnreadableDocument("only http and https addresses are fetched, not " + scheme + ":");
            }
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new UnreadableDocument("'" + address.trim() + "' is not a web address such as https://example.org/paper");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new UnreadableDocument("'" + address.trim() + "' is not a web address (" + e.getReason() + ")");
        }
    }

    private void check(URI uri) throws UnreadableDocument {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new UnreadableDocument("only http and https addresses are fetched, not " + scheme + ":");
        }
        if (uri.getHost() == null) {
            throw new UnreadableDocument("the address " + uri + " names no host");
        }
        if (allowPrivateAddresses) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new UnreadableDocument("the host " + uri.getHost() + " is not known", false, e);
        }
        for (InetAddress a : addresses) {
            if (isPrivate(a)) {
                throw new UnreadableDocument("the host " + uri.getHost() + " is on this machine or a private network ("
                        + a.getHostAddress() + "); the service fetches only public pages");
            }
        }
    }

    static boolean isPrivate(InetAddress a) {
        byte[] b = a.getAddress();
        boolean uniqueLocal = b.length == 16 && (b[0] & 0xfe) == 0xfc;
        boolean carrierNat = b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
        return a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress() || uniqueLocal || carrierNat;
    }

    private static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // the connection is dropped either way
        }
    }
}
