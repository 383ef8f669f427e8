package org.hindcast.web.api;


import org.eclipse.microprofile.openapi.annotations.Operation;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import org.hindcast.authors.Author;
import org.hindcast.authors.AuthorService;
import org.hindcast.themes.Theme;
import org.hindcast.themes.ThemeService;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Atom feeds of new resolutions (all of them, an author's, a theme's with its sub-themes; the latest 50), and of
 * forecasts falling due (an author's, a theme's; the 50 soonest).
 */
@Path("/feeds")
@Produces("application/atom+xml;charset=UTF-8")
public class FeedResource {

    static final int ENTRIES = 50;

    @Inject
    EntityManager em;

    @Inject
    AuthorService authors;

    @Inject
    ThemeService themes;

    @Inject
    org.hindcast.platform.PublicUrl publicUrl;

    @Operation(summary = "Atom feed of new resolutions")
    @GET
    @Path("resolutions.atom")
    public String all() {
        return feed("resolutions", "Hindcast: new resolutions", "", null, null);
    }

    @Operation(summary = "Atom feed of an author's resolutions")
    @GET
    @Path("authors/{slug}.atom")
    public String author(@PathParam("slug") String slug) {
        Author a = authors.get(slug);
        return feed("authors/" + a.slug, "Hindcast: resolutions of " + a.displayName + "'s forecasts",
                " and exists (select 1 from forecast_author fa where fa.forecast_id = f.id and fa.author_id = :scope)", a.id, null);
    }

    @Operation(summary = "Atom feed of a theme's resolutions")
    @GET
    @Path("themes/{slug}.atom")
    public String theme(@PathParam("slug") String slug) {
        Theme t = themes.get(slug);
        return feed("themes/" + t.slug, "Hindcast: resolutions on " + t.name,
                " and exists (select 1 from forecast_theme ft where ft.forecast_id = f.id and ft.theme_id = any(cast(:themes as bigint[])))",
                null, themes.subtreeIds(t.id).toArray(Long[]::new));
    }

    /** How far ahead the "due" feeds look: forecasts overdue or due within this many days. */
    static final int DUE_WINDOW_DAYS = 30;

    @Inject
    org.hindcast.forecasts.ForecastService forecasts;

    @Operation(summary = "Atom feed of an author's forecasts falling due", description = "Pending forecasts overdue or due within 30 days, soonest first.")
    @GET
    @Path("due/authors/{slug}.atom")
    public String dueOfAuthor(@PathParam("slug") String slug) {
        Author a = authors.get(slug);
        return due("due/authors/" + a.slug, "Hindcast: " + a.displayName + "'s forecasts falling due",
                org.hindcast.forecasts.ForecastInput.Filter.none().withAuthor(a.slug));
    }

    @Operation(summary = "Atom feed of a theme's forecasts falling due", description = "Pending forecasts on the theme or its sub-themes, overdue or due within 30 days, soonest first.")
    @GET
    @Path("due/themes/{slug}.atom")
    public String dueOnTheme(@PathParam("slug") String slug) {
        Theme t = themes.get(slug);
        return due("due/themes/" + t.slug, "Hindcast: forecasts on " + t.name + " falling due",
                org.hindcast.forecasts.ForecastInput.Filter.none().withTheme(t.slug));
    }

    /**
     * A forecast enters a "due" feed when it comes within the window (or when it was made, if later): that is its
     * entry's date, so a feed reader shows each once, when it starts to matter.
     */
    private String due(String key, String title, org.hindcast.forecasts.ForecastInput.Filter scope) {
        var found = forecasts.list(scope.dueFor(DUE_WINDOW_DAYS, null), "resolveBy", 0, ENTRIES).items();
        String base = publicUrl.base();
        java.time.LocalDate today = java.time.LocalDate.now(ZoneOffset.UTC);
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
        x.append("  <title>").append(esc(title)).append("</title>\n");
        x.append("  <id>tag:hindcast,2026:feeds/").append(esc(key)).append("</id>\n");
        x.append("  <link rel=\"self\" href=\"").append(esc(base + "/feeds/" + key + ".atom")).append("\"/>\n");
        java.util.function.Function<org.hindcast.forecasts.Forecast, java.time.LocalDate> entered = f -> {
            java.time.LocalDate windowOpens = f.resolveBy.minusDays(DUE_WINDOW_DAYS);
            return f.madeOn.isAfter(windowOpens) ? f.madeOn : windowOpens;
        };
        java.time.LocalDate latest = found.stream().map(entered).max(java.util.Comparator.naturalOrder()).orElse(today);
        x.append("  <updated>").append(latest.atStartOfDay().atOffset(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .append("</updated>\n");
        x.append("  <author><name>Hindcast</name></author>\n");
        for (var f : found) {
            boolean overdue = f.resolveBy.isBefore(today);
            x.append("  <entry>\n");
            x.append("    <title>").append(esc((overdue ? "Overdue since " : "Due ") + f.resolveBy + ": " + f.statement)).append("</title>\n");
            x.append("    <id>tag:hindcast,2026:due/").append(f.id).append("/").append(f.resolveBy).append("</id>\n");
            x.append("    <link href=\"").append(esc(base + "/forecasts/" + f.id)).append("\"/>\n");
            x.append("    <updated>").append(entered.apply(f).atStartOfDay().atOffset(ZoneOffset.UTC)
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append("</updated>\n");
            x.append("    <summary>").append(esc("Forecast at " + Math.round(f.probability * 100) + "% in " + f.paper.title
                    + " (made " + f.madeOn + "), to be resolved by " + f.resolveBy + ": " + f.quote)).append("</summary>\n");
            x.append("  </entry>\n");
        }
        return x.append("</feed>\n").toString();
    }

    @SuppressWarnings("unchecked")
    private String feed(String key, String title, String scope, Long scopeId, Long[] themeIds) {
        var q = em.createNativeQuery("select r.id, r.forecast_id, r.seq, r.outcome, r.credit, r.resolved_on, r.rationale, "
                + "coalesce(u.display_name, r.reviewer), r.created_at, f.statement, f.probability, p.title from resolution r "
                + "left join app_user u on u.username = r.reviewer "
                + "join forecast f on f.id = r.forecast_id join paper p on p.id = f.paper_id where 1 = 1" + scope
                + " order by r.created_at desc, r.id desc limit " + ENTRIES);
        if (scopeId != null) {
            q.setParameter("scope", scopeId);
        }
        if (themeIds != null) {
            q.setParameter("themes", themeIds);
        }
        List<Object[]> rows = q.getResultList();
        String base = publicUrl.base();
        String updated = rows.isEmpty() ? OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                : timestamp(rows.get(0)[8]);
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
        x.append("  <title>").append(esc(title)).append("</title>\n");
        x.append("  <id>tag:hindcast,2026:feeds/").append(esc(key)).append("</id>\n");
        x.append("  <link rel=\"self\" href=\"").append(esc(base + "/feeds/" + key + ".atom")).append("\"/>\n");
        x.append("  <updated>").append(updated).append("</updated>\n");
        x.append("  <author><name>Hindcast</name></author>\n");
        for (Object[] r : rows) {
            String outcome = (String) r[3] + (r[4] != null ? " (credit " + r[4] + ")" : "");
            x.append("  <entry>\n");
            x.append("    <title>").append(esc(outcome + ": " + r[9])).append("</title>\n");
            x.append("    <id>tag:hindcast,2026:resolution/").append(r[0]).append("</id>\n");
            x.append("    <link href=\"").append(esc(base + "/forecasts/" + r[1])).append("\"/>\n");
            x.append("    <updated>").append(timestamp(r[8])).append("</updated>\n");
            x.append("    <summary>").append(esc((((Number) r[2]).intValue() > 1 ? "Re-resolved " : "Resolved ") + outcome + " on " + r[5] + " by " + r[7] + " (forecast at "
                    + Math.round(((Number) r[10]).doubleValue() * 100) + "% in " + r[11] + "): " + r[6])).append("</summary>\n");
            x.append("  </entry>\n");
        }
        return x.append("</feed>\n").toString();
    }

    private static String timestamp(Object value) {
        OffsetDateTime t = value instanceof OffsetDateTime o ? o
                : value instanceof java.time.Instant i ? i.atOffset(ZoneOffset.UTC)
                : ((java.sql.Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
        return t.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
