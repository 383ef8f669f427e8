package org.hindcast.web.pages;

/** Ends a page request: a redirect (3xx, message = location) or an error page (4xx, message = what to say). */
public class PageException extends RuntimeException {

    private final int status;

    public PageException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
