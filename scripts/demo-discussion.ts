import { describeRange } from "../lib/anchoring/selectors.ts";
import { articleBlocksSchema } from "../lib/articles/blocks.ts";
import { buildCanonicalText } from "../lib/articles/canonical-text.ts";
import type { PrismaClient } from "../lib/generated/prisma/client.ts";

type Stance = "SUPPORTS" | "DISPUTES" | "CONTEXT";
interface DemoReply {
  by: string;
  body: string;
  sources?: Array<{ url: string; title: string; stance: Stance }>;
}
interface DemoThread extends DemoReply {
  quote: string;
  replies: DemoReply[];
}

/** A small discussion so a new user sees the product at work. Every item carries the "demo" tag. */
const THREADS: DemoThread[] = [
  {
    quote: "5.4 billion people, or about 67% of the global population, were connected to the internet",
    by: "demo_reader",
    body: "Demo discussion: this matches the ITU's *Facts and Figures 2023*. Worth noting the figure is an estimate.",
    sources: [{ url: "https://www.itu.int/itu-d/reports/statistics/facts-figures-2023/", title: "ITU Facts and Figures 2023", stance: "SUPPORTS" }],
    replies: [
      { by: "demo_moderator", body: "Demo discussion: and the gap is the point: under 40% online in the least developed countries, from the same report." },
    ],
  },
  {
    quote: "cybercrime now costs the global economy more than $6 trillion annually",
    by: "demo_moderator",
    body: "Demo discussion: the $6 trillion figure is usually credited to Cybersecurity Ventures, not the UNODC. Can anyone find it in a UNODC report?",
    sources: [
      { url: "https://www.unodc.org/unodc/en/cybercrime/index.html", title: "UNODC: Cybercrime", stance: "CONTEXT" },
      { url: "https://cybersecurityventures.com/cybercrime-damage-costs-10-trillion-by-2025/", title: "Cybersecurity Ventures estimate", stance: "DISPUTES" },
    ],
    replies: [
      { by: "demo_reader", body: "Demo discussion: I couldn't find it on the UNODC pages either." },
      { by: "demo_admin", body: "Demo discussion: a good example of why sources carry a stance here." },
    ],
  },
  {
    quote: "more than 2.6 billion people worldwide still lack internet access",
    by: "demo_admin",
    body: "Demo discussion: the 2.6 billion offline figure is from the ITU as well; the World Bank cites it.",
    sources: [{ url: "https://www.worldbank.org/en/topic/digitaldevelopment", title: "World Bank: Digital Development", stance: "CONTEXT" }],
    replies: [],
  },
];

/** Seeds the demo discussion once: skipped when any demo-tagged annotation exists. */
export async function seedDemoDiscussion(db: PrismaClient, slug: string): Promise<boolean> {
  const article = await db.article.findUnique({ where: { slug }, include: { currentVersion: true } });
  if (!article?.currentVersion) return false;
  if (await db.annotation.findFirst({ where: { articleId: article.id, tags: { has: "demo" } }, select: { id: true } })) return false;
  const users = new Map((await db.user.findMany({ where: { handle: { in: ["demo_reader", "demo_moderator", "demo_admin"] } } })).map((user) => [user.handle, user.id]));
  const canonical = buildCanonicalText(articleBlocksSchema.parse(article.currentVersion.blocks));
  const versionId = article.currentVersion.id;

  for (const thread of THREADS) {
    const utf16 = canonical.text.indexOf(thread.quote);
    if (utf16 < 0) continue;
    const start = Array.from(canonical.text.slice(0, utf16)).length;
    const selectors = describeRange(canonical, start, start + Array.from(thread.quote).length, versionId);
    const root = await db.annotation.create({
      data: {
        articleId: article.id,
        versionId,
        authorId: users.get(thread.by) ?? null,
        body: thread.body,
        tags: ["demo"],
        quoteExact: selectors.quote.exact,
        quotePrefix: selectors.quote.prefix,
        quoteSuffix: selectors.quote.suffix,
        positionStart: selectors.position.start,
        positionEnd: selectors.position.end,
        startBlockId: selectors.startBlockId,
        sources: { create: (thread.sources ?? []).map((source, position) => ({ ...source, position })) },
        anchors: { create: { versionId, start: selectors.position.start, end: selectors.position.end, score: 1, method: "position" } },
      },
    });
    for (const reply of thread.replies) {
      await db.annotation.create({
        data: { articleId: article.id, versionId, authorId: users.get(reply.by) ?? null, parentId: root.id, rootId: root.id, body: reply.body, tags: ["demo"] },
      });
    }
  }
  return true;
}
