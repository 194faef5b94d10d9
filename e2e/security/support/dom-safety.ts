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
    if (/XSS-FIRED|Refused to execute|Refused to load the script|Refused to run the JavaScript|Refused to evaluate|Refused to apply inline style|Refused to load the stylesheet/i.test(text)) events.push(`console: ${text.slice(0, 200)}`);
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

/** The nonce of a response's Content-Security-Policy header, if it has one. */
export function cspNonce(headers: Record<string, string> | undefined): string | undefined {
  return /'nonce-([^']+)'/.exec(headers?.["content-security-policy"] ?? "")?.[1];
}

/**
 * Elements and attributes that can run script, restyle or redirect the page,
 * or collect input for another site, wherever they came from: the document,
 * every open shadow root and every <template>'s content. A script or style
 * element is ours only if it carries `nonce` (the nonce of the response's CSP
 * header; without one, the nonce on the page's own /_next/ scripts). Returns
 * a description of each finding.
 */
export function findDangerousMarkup(page: Page, nonce?: string): Promise<string[]> {
  return page.evaluate((expectedNonce) => {
    const found: string[] = [];
    const urlAttributes = new Set(["href", "src", "action", "formaction", "xlink:href", "data", "background", "poster", "codebase", "cite", "srcset", "ping", "lowsrc", "dynsrc", "to", "from", "values", "by"]);
    const describe = (element: Element) => element.outerHTML.slice(0, 160);
    const roots: Array<Document | DocumentFragment> = [document];
    const elements: Element[] = [];
    while (roots.length > 0) {
      const root = roots.pop()!;
      for (const element of Array.from(root.querySelectorAll("*"))) {
        elements.push(element);
        if (element.shadowRoot) roots.push(element.shadowRoot);
        if (element instanceof HTMLTemplateElement) roots.push(element.content);
      }
    }
    const pageNonce =
      expectedNonce ??
      elements.map((element) => (element instanceof HTMLScriptElement && (element.getAttribute("src") ?? "").startsWith("/_next/") ? element.nonce : "")).find((value) => value !== "");
    const ours = (element: HTMLElement) => pageNonce !== undefined && pageNonce !== "" && element.nonce === pageNonce;
    for (const element of elements) {
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
        if (name === "style" && /expression\(|javascript:|behavior:|url\(|@import/.test(value)) found.push(`style: ${describe(element)}`);
        // A form or button that would send what is typed to another site.
        if ((name === "action" || name === "formaction") && attribute.value !== "" && new URL(attribute.value, location.href).origin !== location.origin) found.push(`off-site ${name}: ${describe(element)}`);
      }
      if (["iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal"].includes(tag)) found.push(`<${tag}>: ${describe(element)}`);
      // The app's own no-script jump to a passage on the same page (content "0;url=#…") is allowed; nothing else.
      const sameDocumentRefresh = /^\s*\d+\s*;\s*url=#[\w-]*$/i.test(element.getAttribute("content") ?? "");
      if (tag === "meta" && element.hasAttribute("http-equiv") && !sameDocumentRefresh) found.push(`meta http-equiv: ${describe(element)}`);
      // Chunks our own runtime adds later carry no nonce ('strict-dynamic' trusts what trusted scripts load); a script
      // with any other nonce, or inline without ours, did not come from us.
      const runtimeChunk = element.getAttribute("nonce") === null && (element as HTMLScriptElement).nonce === "" && /^\/_next\/static\/[\w/.-]+\.js$/.test(element.getAttribute("src") ?? "");
      if (tag === "script" && !ours(element as HTMLScriptElement) && !runtimeChunk) found.push(`script without our nonce: ${describe(element)}`);
      if (tag === "style" && (!ours(element as HTMLStyleElement) || /expression\(|javascript:|behavior:|url\(|@import/i.test(element.textContent ?? ""))) found.push(`style element: ${describe(element)}`);
      if (tag === "link" && /stylesheet|import|preload|modulepreload/.test(element.getAttribute("rel") ?? "") && !(element.getAttribute("href") ?? "").startsWith("/_next/")) found.push(`foreign link: ${describe(element)}`);
    }
    return found;
  }, nonce);
}
