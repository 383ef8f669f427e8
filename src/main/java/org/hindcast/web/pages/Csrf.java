package org.hindcast.web.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Cross-site request forgery protection by double submit: a random token in an HttpOnly, SameSite=Strict
 * cookie and the same token in a hidden field of every form. Another site can make a browser send the
 * cookie, but cannot read it to put it in the form.
 */
@RequestScoped
public class Csrf {

    static final String COOKIE = "hindcast-csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    HttpHeaders headers;

    private String issued;

    /** The token for this request's forms: the browser's, or a new one that {@link #cookie()} sets. */
    public String token() {
        var cookie = headers.getCookies().get(COOKIE);
        if (cookie != null && cookie.getValue().length() >= 32) {
            return cookie.getValue();
        }
        if (issued == null) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            issued = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        return issued;
    }

    /** The cookie to set when a new token was issued, else null. */
    public NewCookie cookie() {
        return issued == null ? null : new NewCookie.Builder(COOKIE).value(issued).path("/").httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }

    public void check(String submitted) {
        var cookie = headers.getCookies().get(COOKIE);
        if (cookie == null || submitted == null
                || !MessageDigest.isEqual(cookie.getValue().getBytes(), submitted.getBytes())) {
            throw new PageException(403, "This form has expired or did not come from Hindcast. Go back, reload the page and submit it again.");
        }
    }
}
