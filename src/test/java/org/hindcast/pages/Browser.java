package org.hindcast.pages;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Headless Chromium for the browser tests. Where Debian's chromium is installed (/usr/bin/chromium, or
 * HINDCAST_CHROMIUM), Playwright drives it and downloads nothing; elsewhere Playwright uses its own browser.
 */
final class Browser {

    private Browser() {
    }

    static Path chromium() {
        String configured = System.getenv("HINDCAST_CHROMIUM");
        for (String candidate : new String[]{configured, "/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
            if (candidate != null && Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        return null;
    }

    static Playwright playwright() {
        Path chromium = chromium();
        return chromium == null ? Playwright.create()
                : Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    static com.microsoft.playwright.Browser launch(Playwright playwright) {
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"));
        Path chromium = chromium();
        if (chromium != null) {
            options.setExecutablePath(chromium);
        }
        return playwright.chromium().launch(options);
    }
}
