package org.hindcast.web.pages;

import java.net.URI;
import java.util.Map;

/**
 * What a page says after a write succeeded. The redirect after the write names the message by key
 * ({@code ?done=evidence-added}); the page shows the fixed sentence of that key, never text from the address.
 */
public final class Flash {

    private Flash() {
    }

    static final String PARAM = "done";

    private static final Map<String, String> MESSAGES = Map.ofEntries(
            Map.entry("paper-added", "The paper is saved. Log its forecasts below, or paste its text for the extraction assistant."),
            Map.entry("forecast-logged", "The forecast is logged."),
            Map.entry("evidence-added", "The evidence is attached."),
            Map.entry("resolved", "The verdict is recorded, and the scores it touches are updated."),
            Map.entry("corrected", "The correction is saved; the change is listed under Corrections."),
            Map.entry("proposed", "The change waits for a second staff member's approval (below)."),
            Map.entry("withdrawn", "The forecast is withdrawn: it stays on its page and is scored for nobody."),
            Map.entry("approved", "The change is approved and applied."),
            Map.entry("rejected", "The proposal is rejected, with your note."),
            Map.entry("text-attached", "The paper's text is stored; its candidate forecasts are below."),
            Map.entry("pdf-attached", "The PDF is read and its text stored; its candidate forecasts are below, each with its page."),
            Map.entry("paper-from-web", "The paper is added from its web page and its text stored; its candidate forecasts are below."),
            Map.entry("proposal-accepted", "The sentence is attached to the forecast as evidence, quoted from this paper."),
            Map.entry("proposal-rejected", "The proposal is rejected and will not be proposed again for that forecast."),
            Map.entry("candidate-rejected", "The candidate is rejected and will not be proposed again."),
            Map.entry("user-created", "The account is created."),
            Map.entry("user-updated", "The account is updated."),
            Map.entry("user-unlocked", "The account may sign in again."),
            Map.entry("alias-added", "The name is added to the author's printed forms."),
            Map.entry("author-updated", "The author is updated."),
            Map.entry("authors-merged", "The authors are merged: the old address now leads here."));

    /** The message of a key, or null for none or an unknown key. */
    static String message(String key) {
        return key == null ? null : MESSAGES.get(key);
    }

    /** The address to redirect to after a write: the path with the message's key, before any #anchor. */
    public static URI to(String path, String key) {
        if (!MESSAGES.containsKey(key)) {
            throw new IllegalArgumentException("no message " + key);
        }
        int hash = path.indexOf('#');
        String base = hash < 0 ? path : path.substring(0, hash);
        String anchor = hash < 0 ? "" : path.substring(hash);
        return URI.create(base + (base.contains("?") ? "&" : "?") + PARAM + "=" + key + anchor);
    }
}
