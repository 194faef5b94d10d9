/**
 * Screenshots of the given pages at phone and desktop widths, in light and
 * dark, for looking at what we build: `tsx scripts/screenshots.ts <baseUrl> <outDir> /path …`.
 * Signs in first when SCREENSHOT_EMAIL and SCREENSHOT_PASSWORD are set; SCREENSHOT_LOCALE (zh-CN) sets the browser language.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "@playwright/test";
import { findChromium } from "../e2e/support/find-chromium.ts";

const [baseUrl = "http://127.0.0.1:3000", outDir = "test-results/screens", ...paths] = process.argv.slice(2);
mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({
  executablePath: findChromium(),
  args: ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-gpu"],
});
try {
  for (const scheme of ["light", "dark"] as const) {
    for (const width of [360, 1280]) {
      const context = await browser.newContext({ viewport: { width, height: width === 360 ? 780 : 900 }, colorScheme: scheme, baseURL: baseUrl, locale: process.env.SCREENSHOT_LOCALE });
      const email = process.env.SCREENSHOT_EMAIL;
      if (email) {
        const { csrfToken } = (await (await context.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
        await context.request.post("/api/auth/callback/credentials", {
          form: { email, password: process.env.SCREENSHOT_PASSWORD ?? "", csrfToken, callbackUrl: "/", json: "true" },
          // As the sign-in page would: writes without the site's Origin are refused.
          headers: { origin: new URL(baseUrl).origin },
        });
      }
      const page = await context.newPage();
      for (const path of paths.length ? paths : ["/"]) {
        await page.goto(path);
        const name = `${path.replace(/[^a-z0-9]+/gi, "_").replace(/^_|_$/g, "") || "home"}-${width}-${scheme}.png`;
        await page.screenshot({ path: join(outDir, name), fullPage: false });
        console.log(join(outDir, name));
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
}
