package org.hindcast.web;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.hindcast.platform.SnapshotCache;

/**
 * Cached answers over HTTP: each carries a weak entity tag made from the ledger snapshot it was computed from, and
 * {@code Cache-Control: no-cache}, so that clients and proxies may keep it but ask again; a request whose
 * {@code If-None-Match} holds the current tag is answered {@code 304 Not Modified} by one statement, the answer
 * neither read nor sent.
 */
public final class Revalidation {

    private static final CacheControl REVALIDATE = CacheControl.valueOf("no-cache");

    private Revalidation() {
    }

    public static <T> Response respond(Request request, SnapshotCache.Answer<T> answer, MediaType type) {
        EntityTag current = new EntityTag(answer.tag(), true);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(current);
        if (notModified != null) {
            return notModified.tag(current).cacheControl(REVALIDATE).build();
        }
        SnapshotCache.Tagged<T> read = answer.read();
        return Response.ok(read.value(), type).tag(new EntityTag(read.tag(), true)).cacheControl(REVALIDATE).build();
    }
}
