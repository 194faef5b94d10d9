import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { getTranslations } from "next-intl/server";
import { ImageResponse } from "next/og";
import { trimText } from "@/lib/articles/content-file";
import { getViewer } from "@/lib/auth/viewer";
import { findPermalinkTarget } from "@/lib/data/annotations/find-permalink";
import { getArticleBySlug } from "@/lib/data/articles/get-article";

const ID = /^[a-z0-9]{20,40}$/;
let fonts: Promise<[Buffer, Buffer]> | undefined;

/** The bundled fonts (Latin, then Chinese for what Latin lacks), read once per process. */
function loadFonts(): Promise<[Buffer, Buffer]> {
  const read = (name: string) => readFile(join(process.cwd(), "assets", "fonts", name));
  fonts ??= Promise.all([read("DejaVuSans.ttf"), read("DroidSansFallbackFull.ttf")]);
  return fonts;
}

/**
 * The share card of an annotation, 1200×630: the quote, who annotated it and
 * the article. The page links it with a version stamp (see the permalink's
 * metadata), so a change to the annotation changes the address and no cache
 * keeps showing what was removed.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!ID.test(id)) return new Response("Not found", { status: 404 });
  const viewer = await getViewer();
  const target = await findPermalinkTarget(viewer, id);
  const article = target ? await getArticleBySlug(target.slug) : null;
  if (!target || !article) return new Response("Not found", { status: 404 });

  const gone = target.isDeleted;
  const quote = gone ? null : trimText(target.quote, 160);
  const [latin, chinese] = await loadFonts();
  // In the requester's language; crawlers that send none get English. Vary keeps caches from mixing them.
  const t = await getTranslations("share");
  const byline = target.isDeleted
    ? t("deleted")
    : t("cardByline", { author: target.authorHandle ? `@${target.authorHandle}` : t("aReader"), title: trimText(article.title, 70) });
  return new ImageResponse(
    (
      <div style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", justifyContent: "space-between", padding: 72, background: "#fdfcf9", color: "#1c1b19", fontFamily: "Card" }}>
        <div style={{ display: "flex", alignItems: "center", gap: 16, fontSize: 34 }}>
          <div style={{ width: 28, height: 28, background: "#fde68a", border: "2px solid #8a4b08", borderRadius: 4 }} />
          Gloss
        </div>
        {quote ? (
          <div style={{ display: "flex", fontSize: quote.length > 90 ? 42 : 54, lineHeight: 1.35, borderLeft: "10px solid #f6c342", paddingLeft: 36 }}>“{quote}”</div>
        ) : (
          <div style={{ display: "flex", fontSize: 48 }}>{trimText(article.title, 90)}</div>
        )}
        <div style={{ display: "flex", fontSize: 30, color: "#5c5850" }}>{byline}</div>
      </div>
    ),
    {
      width: 1200,
      height: 630,
      fonts: [
        { name: "Card", data: latin, style: "normal", weight: 400 },
        { name: "Card CJK", data: chinese, style: "normal", weight: 400 },
      ],
      // Crawlers ask without a session and may share the card; one asked for with a session may be its author's
      // own private or held annotation, which no shared cache may keep (some ignore Vary: Cookie).
      headers: { "cache-control": `${viewer ? "private" : "public"}, max-age=86400, immutable`, vary: "Accept-Language, Cookie" },
    },
  );
}
