import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";

/**
 * Markdown → HTML for annotation bodies. Two layers: markdown-it with raw
 * HTML switched off, then an allow-list sanitizer, so even a parser bug cannot
 * let a script, an event handler or a javascript: link through.
 */
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });

const ALLOWED_TAGS = ["p", "br", "em", "strong", "del", "s", "a", "ul", "ol", "li", "blockquote", "code", "pre", "hr"];

/**
 * Rendering is a pure function of the text and costs far more than the rest
 * of a thread, and a page renders the same bodies on every request; so the
 * most recent results are kept (a bounded map in insertion order, oldest
 * evicted first). It holds derived data only: nothing is lost or stale when
 * another instance has a different set.
 */
const CACHE_CHARACTERS = 4_000_000; // source and HTML together: about 8 MB of strings at most
const rendered = new Map<string, string>();
let cachedCharacters = 0;

export function renderMarkdown(source: string): string {
  const cached = rendered.get(source);
  if (cached !== undefined) {
    // Re-inserted so often-read bodies stay while one-off ones age out.
    rendered.delete(source);
    rendered.set(source, cached);
    return cached;
  }
  const html = renderUncached(source);
  rendered.set(source, html);
  cachedCharacters += source.length + html.length;
  for (const [oldSource, oldHtml] of rendered) {
    if (cachedCharacters <= CACHE_CHARACTERS) break;
    rendered.delete(oldSource);
    cachedCharacters -= oldSource.length + oldHtml.length;
  }
  return html;
}

function renderUncached(source: string): string {
  const html = markdown.render(source);
  return sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    // rel and target are set by the transform below, which replaces whatever the source had.
    allowedAttributes: { a: ["href", "rel", "target"], ol: ["start"] },
    allowedSchemes: ["http", "https", "mailto"],
    allowedSchemesAppliedToAttributes: ["href"],
    allowProtocolRelative: false,
    disallowedTagsMode: "escape",
    transformTags: {
      a: (tagName, attribs) => ({
        tagName,
        attribs: { href: attribs.href ?? "", rel: "nofollow ugc noopener noreferrer", target: "_blank" },
      }),
    },
  });
}

/** The body as plain text, for meta descriptions and notifications. */
export function markdownToPlainText(source: string): string {
  return sanitizeHtml(markdown.render(source), { allowedTags: [], allowedAttributes: {} })
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}
