package org.hindcast.web.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Previous and next links of a paged list. The links carry the page's other query values, each encoded, so
 * a query with {@code &}, {@code #}, {@code +} or {@code %} in it survives paging; empty values are left out.
 *
 * @param path   the page's path
 * @param query  the page's other query values (kept in order)
 * @param param  the name of this list's page number (a page with two lists has two)
 * @param anchor where on the page the list is, or null
 */
public record Pager(String path, Map<String, String> query, String param, String anchor, int page, int size, long total) {

    /** The highest page number a link may ask for: beyond it, lists are filtered, not paged. */
    public static final int MAX_PAGE = 100_000;

    public static Pager of(String path, Map<String, String> query, int page, int size, long total) {
        return new Pager(path, query, "page", null, page, size, total);
    }

    /** A page number from a query value: missing, negative or unreadable is the first page. */
    public static int index(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Math.min(MAX_PAGE, Integer.parseInt(value.trim())));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public boolean paged() {
        return hasPrevious() || hasNext();
    }

    public String previous() {
        return url(Math.min(page - 1, (int) Math.max(0, lastPage())));
    }

    public String next() {
        return url(page + 1);
    }

    public String first() {
        return url(0);
    }

    public String last() {
        return url((int) lastPage());
    }

    public long lastPage() {
        return total == 0 ? 0 : (total - 1) / size;
    }

    /** The first item shown, counting from 1 (0 when there are none). */
    public long from() {
        return total == 0 || (long) page * size >= total ? 0 : (long) page * size + 1;
    }

    public long to() {
        return Math.min(total, (long) (page + 1) * size);
    }

    public int number() {
        return page + 1;
    }

    public long pages() {
        return lastPage() + 1;
    }

    public String url(int pageNumber) {
        Map<String, String> all = new LinkedHashMap<>();
        query.forEach((k, v) -> {
            if (v != null && !v.isBlank() && !k.equals(param)) {
                all.put(k, v);
            }
        });
        if (pageNumber > 0) {
            all.put(param, Integer.toString(pageNumber));
        }
        String q = all.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return path + (q.isEmpty() ? "" : "?" + q) + (anchor == null ? "" : "#" + anchor);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
