import type { Page } from "@playwright/test";

/**
 * Watches a page for any sign that injected code ran: a dialog (the payloads
 * call alert), a write to `window.__xss` (the payloads' flag), a console
 * message the payloads print, or the browser refusing a script under the CSP
 * (which means markup that should have been escaped reached the DOM).
 */
export async function watchForScripts(page: Page): Promise<string[]> {
  const events: string[] = [];
  page.on("dialog", (dialog) => {
    events.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss().catch(() => {});
  });
  page.on("console", (message) => {
    const text = message.text();
    if (/XSS-FIRED|Refused to execute|Refused to load the script|Refused to run the JavaScript/i.test(text)) events.push(`console: ${text.slice(0, 200)}`);
  });
  page.on("pageerror", (error) => {
    if (/XSS/.test(error.message)) events.push(`error: ${error.message}`);
  });
  await page.addInitScript(() => {
    Object.defineProperty(window, "__xss", {
      set() {
        console.error("XSS-FIRED via window.__xss");
      },
      get: () => undefined,
    });
  });
  return events;
}

/** Elements and attributes that can run script, wherever they came from. Returns a description of each. */
export function findDangerousMarkup(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const urlAttributes = new Set(["href", "src", "action", "formaction", "xlink:href", "data", "background", "poster", "codebase", "cite", "srcset", "ping", "lowsrc", "dynsrc", "to", "from", "values", "by"]);
    const describe = (element: Element) => element.outerHTML.slice(0, 160);
    for (const element of Array.from(document.querySelectorAll("*"))) {
      const tag = element.tagName.toLowerCase();
      for (const attribute of Array.from(element.attributes)) {
        const name = attribute.name.toLowerCase();
        const value = attribute.value.replace(/[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\ufeff]/g, "").toLowerCase();
        if (name.startsWith("on")) found.push(`event handler ${name}: ${describe(element)}`);
        if (name === "srcdoc") found.push(`srcdoc: ${describe(element)}`);
        if (urlAttributes.has(name) && /(^|,)\s*(javascript|vbscript|data|livescript):/.test(value)) {
          const harmlessImage = tag === "img" && name === "src" && /^data:image\/(png|jpeg|gif|webp)/.test(value);
          if (!harmlessImage) found.push(`${name}=${value.slice(0, 60)}: ${describe(element)}`);
        }
        if (name === "style" && /expression\(|javascript:|behavior:/.test(value)) found.push(`style: ${describe(element)}`);
      }
      if (["iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal"].includes(tag)) found.push(`<${tag}>: ${describe(element)}`);
      // The app's own no-script jump to a passage on the same page (content "0;url=#…") is allowed; nothing else.
      const sameDocumentRefresh = /^\s*\d+\s*;\s*url=#[\w-]*$/i.test(element.getAttribute("content") ?? "");
      if (tag === "meta" && element.hasAttribute("http-equiv") && !sameDocumentRefresh) found.push(`meta http-equiv: ${describe(element)}`);
      if (tag === "script") {
        const script = element as HTMLScriptElement;
        const ours = script.nonce !== "" || (script.getAttribute("src") ?? "").startsWith("/_next/");
        if (!ours) found.push(`script without our nonce: ${describe(element)}`);
      }
      if (tag === "link" && /stylesheet|import|preload/.test(element.getAttribute("rel") ?? "") && !(element.getAttribute("href") ?? "").startsWith("/_next/")) found.push(`foreign link: ${describe(element)}`);
    }
    return found;
  });
}
