package org.hindcast.testing;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser-like client of the pages: it keeps its cookies and fills in the form token as a browser would. */
public final class PageSession {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final Map<String, String> cookies = new HashMap<>();
    private final Map<String, String> headers = new HashMap<>();
    private String csrf;

    /** A reader's browser, seen as coming from the given client address through the test's trusted proxy. */
    public static PageSession from(String address) {
        PageSession s = new PageSession();
        if (address != null) {
            s.headers.put("X-Forwarded-For", address);
        }
        return s;
    }

    public static PageSession reader() {
        return from(null);
    }

    public RequestSpecification request() {
        // a browser's Accept header: pages answer refusals as pages
        return RestAssured.given().redirects().follow(false).cookies(cookies).headers(headers)
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
    }

    /** GET a page, keep its cookies and its form token. */
    public Response get(String path) {
        Response r = request().get(path);
        keep(r);
        return r;
    }

    /** POST a form with the page's token, as the page's own form would. */
    public Response post(String path, Map<String, String> fields) {
        if (csrf == null) {
            get("/login");
        }
        var spec = request().contentType("application/x-www-form-urlencoded").formParam("csrf", csrf);
        fields.forEach(spec::formParam);
        Response r = spec.post(path);
        keep(r);
        return r;
    }

    /** Signs in through the page; returns the answer to the form. */
    public Response signIn(String username, String password) {
        get("/login");
        return post("/login", Map.of("username", username, "password", password));
    }

    public String cookie(String name) {
        return cookies.get(name);
    }

    public PageSession withCookie(String name, String value) {
        cookies.put(name, value);
        return this;
    }

    private void keep(Response r) {
        r.getDetailedCookies().asList().forEach(c -> {
            if (c.hasMaxAge() && c.getMaxAge() == 0 || c.getValue().isEmpty()) {
                cookies.remove(c.getName());
            } else {
                cookies.put(c.getName(), c.getValue());
            }
        });
        if (r.contentType() != null && r.contentType().startsWith("text/html")) {
            Matcher m = CSRF.matcher(r.asString());
            if (m.find()) {
                csrf = m.group(1);
            }
        }
    }
}
