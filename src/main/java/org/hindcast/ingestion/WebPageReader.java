package org.hindcast.ingestion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A paper's text and metadata from its web page (jsoup).
 *
 * <p>Metadata, first found wins: Highwire Press {@code citation_*} tags (what Google Scholar reads), then
 * schema.org JSON-LD (an Article, Report or ScholarlyArticle: headline, author, datePublished, publisher), then
 * Open Graph and common tags ({@code og:title}, {@code article:published_time}, {@code og:site_name},
 * {@code author}), then the page's {@code <title>}.
 *
 * <p>Text: the page's {@code <article>}, else its {@code <main>}, else its body, without scripts, styles,
 * navigation, headers, footers, asides and forms; each block (paragraph, heading, list item, quotation, table
 * cell) a paragraph of the stored text. A web page has no printed pages.
 */
public final class WebPageReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DATE = Pattern.compile("^(\\d{4})(?:[-/.](\\d{1,2})(?:[-/.](\\d{1,2}))?)?");
    private static final Set<String> ARTICLE_TYPES = Set.of("article", "newsarticle", "scholarlyarticle", "report", "blogposting",
            "creativework", "webpage", "analysisnewsarticle", "techarticle");

    private WebPageReader() {
    }

    public static PaperText read(Document doc, String url) throws UnreadableDocument {
        PaperText.Metadata meta = metadata(doc, url);
        String text = text(doc);
        if (text.codePoints().filter(Character::isLetter).count() < 40) {
            throw new UnreadableDocument("the page has no text to read (it may be built by scripts in the browser); "
                    + "paste the text or upload the PDF instead");
        }
        return new PaperText(text, List.of(), meta);
    }

    public static PaperText read(String html, String url) throws UnreadableDocument {
        return read(Jsoup.parse(html, url == null ? "" : url), url);
    }

    // ---------------------------------------------------------------- metadata

    static PaperText.Metadata metadata(Document doc, String url) {
        JsonNode ld = articleLd(doc);
        String title = first(meta(doc, "citation_title"), ld == null ? null : text(ld.get("headline")),
                ld == null ? null : text(ld.get("name")), meta(doc, "og:title"), meta(doc, "twitter:title"), doc.title());
        List<String> authors = metas(doc, "citation_author");
        if (authors.isEmpty() && ld != null) {
            authors = names(ld.get("author"));
        }
        if (authors.isEmpty()) {
            authors = split(first(meta(doc, "author"), meta(doc, "dc.creator"), meta(doc, "article:author")));
        }
        String published = date(first(meta(doc, "citation_publication_date"), meta(doc, "citation_date"),
                meta(doc, "citation_online_date"), ld == null ? null : text(ld.get("datePublished")),
                meta(doc, "article:published_time"), meta(doc, "dc.date"), meta(doc, "date")));
        String publisher = first(meta(doc, "citation_publisher"), ld == null ? null : names(ld.get("publisher")).stream().findFirst().orElse(null),
                meta(doc, "og:site_name"), meta(doc, "dc.publisher"));
        String canonical = first(meta(doc, "citation_abstract_html_url"), meta(doc, "og:url"), url);
        return new PaperText.Metadata(title, authors, published, publisher, canonical);
    }

    /** A meta tag's content, by name or property, case-insensitive. */
    private static String meta(Document doc, String name) {
        List<String> all = metas(doc, name);
        return all.isEmpty() ? null : all.get(0);
    }

    private static List<String> metas(Document doc, String name) {
        List<String> found = new ArrayList<>();
        for (Element m : doc.select("meta[content]")) {
            String key = m.hasAttr("name") ? m.attr("name") : m.attr("property");
            if (key.equalsIgnoreCase(name) && !m.attr("content").isBlank()) {
                found.add(m.attr("content").trim());
            }
        }
        return found;
    }

    /** The first schema.org object of an article's kind in the page's JSON-LD (in a list or an @graph too). */
    private static JsonNode articleLd(Document doc) {
        for (Element script : doc.select("script[type=application/ld+json]")) {
            try {
                JsonNode found = findArticle(JSON.readTree(script.data()));
                if (found != null) {
                    return found;
                }
            } catch (Exception e) {
                // a page's broken JSON-LD is skipped, as search engines skip it
            }
        }
        return null;
    }

    private static JsonNode findArticle(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isArray()) {
            for (JsonNode n : node) {
                JsonNode found = findArticle(n);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (!node.isObject()) {
            return null;
        }
        JsonNode type = node.get("@type");
        List<String> types = new ArrayList<>();
        if (type != null && type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else if (type != null) {
            types.add(type.asText());
        }
        if (types.stream().anyMatch(t -> ARTICLE_TYPES.contains(t.toLowerCase(Locale.ROOT)))
                && (node.has("headline") || node.has("author") || node.has("datePublished"))) {
            return node;
        }
        return findArticle(node.get("@graph"));
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() || n.isContainerNode() ? null : n.asText();
    }

    private static List<String> names(JsonNode n) {
        List<String> names = new ArrayList<>();
        if (n == null || n.isNull()) {
            return names;
        }
        if (n.isArray()) {
            n.forEach(x -> names.addAll(names(x)));
        } else if (n.isObject()) {
            if (n.hasNonNull("name")) {
                names.add(n.get("name").asText().trim());
            }
        } else if (!n.asText().isBlank()) {
            names.addAll(split(n.asText()));
        }
        return names.stream().filter(s -> !s.isBlank()).toList();
    }

    private static List<String> split(String names) {
        if (names == null || names.isBlank() || names.startsWith("http")) {
            return List.of();
        }
        return java.util.Arrays.stream(names.split("\\s*(;|,| and | & )\\s*")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** "2024-11-13", "2024/11/13", "2024-11-13T09:00:00+09:00", "2024-11" or "2024" as the ledger writes them. */
    static String date(String printed) {
        if (printed == null) {
            return null;
        }
        Matcher m = DATE.matcher(printed.trim());
        if (!m.find()) {
            return null;
        }
        StringBuilder d = new StringBuilder(m.group(1));
        if (m.group(2) != null) {
            d.append('-').append(String.format("%02d", Integer.parseInt(m.group(2))));
            if (m.group(3) != null) {
                d.append('-').append(String.format("%02d", Integer.parseInt(m.group(3))));
            }
        }
        return d.toString();
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- text

    static String text(Document original) {
        Document doc = original.clone();
        doc.select("script, style, noscript, template, nav, header, footer, aside, form, button, svg, iframe, "
                + "[role=navigation], [role=banner], [role=contentinfo], [aria-hidden=true]").remove();
        Element root = firstOf(doc.selectFirst("article"), doc.selectFirst("main"), doc.selectFirst("[role=main]"), doc.body());
        if (root == null) {
            return "";
        }
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        root.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    current.append(t.text());
                } else if (node instanceof Element e) {
                    if (e.normalName().equals("br")) {
                        current.append(' ');
                    } else if (e.isBlock() || e.normalName().equals("td") || e.normalName().equals("th")) {
                        flush(current, paragraphs);
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && (e.isBlock() || e.normalName().equals("td") || e.normalName().equals("th"))) {
                    flush(current, paragraphs);
                }
            }
        });
        flush(current, paragraphs);
        return String.join("\n\n", new LinkedHashSet<>(paragraphs).size() == paragraphs.size() ? paragraphs : dropRepeats(paragraphs));
    }

    private static List<String> dropRepeats(List<String> paragraphs) {
        // the same short line many times (a "Share" or "Read more" under every teaser) is the page's furniture
        List<String> kept = new ArrayList<>();
        for (String p : paragraphs) {
            if (p.length() > 80 || paragraphs.stream().filter(p::equals).count() == 1) {
                kept.add(p);
            }
        }
        return kept;
    }

    private static void flush(StringBuilder current, List<String> paragraphs) {
        String p = current.toString().replace('\u00a0', ' ').replaceAll("\\s+", " ").trim();
        if (!p.isEmpty()) {
            paragraphs.add(p);
        }
        current.setLength(0);
    }

    @SafeVarargs
    private static <T> T firstOf(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
