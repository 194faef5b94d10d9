import "server-only";
import { anchorSelectors, createVersionIndex } from "@/lib/anchoring/anchor";
import { describeRange } from "@/lib/anchoring/selectors";
import type { Viewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db";
import { versionText } from "@/lib/data/articles/version-text";
import type { ImportRow, SkippedRow } from "@/lib/open-data/import-rows";
import { importedEditedAt } from "@/lib/open-data/own-site";
import { parseImport } from "@/lib/open-data/parse-import";
import { planImport } from "@/lib/open-data/plan-import";
import { bodyKeyOf } from "@/lib/moderation/duplicate-body";
import { recordModeration } from "@/lib/data/moderation/audit-log";
import { classifyLocalRows } from "./local-rows";
import { findOrCreatePlaceholder } from "./placeholder-users";

export interface ImportReport {
  format: "hypothesis" | "web-annotation";
  imported: number;
  anchored: number;
  orphaned: number;
  replies: number;
  skipped: SkippedRow[];
}

/** A refused import; `code` is "notFound" (not an admin: the ordinary 404) or an "opendata.importErrors" code. */
export class ImportError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409,
    readonly code: "notFound" | "articleMissing" | "articleChanged",
  ) {
    super(code);
  }
}

/** Rows without a user are kept under one placeholder rather than dropped. */
const UNKNOWN_USER = { name: "unknown", domain: "import", displayName: "Unknown annotator" };

/**
 * Imports annotations into an article's current version, for admins. Each
 * root is anchored with the same code as re-anchoring after an edit: quote and
 * context first, the old position only as a hint. What cannot be placed with
 * confidence is kept as an orphan. Everything is written in one transaction,
 * so a failure leaves no half-imported threads, together with its audit entry.
 * An edit published while the file was being read refuses the import: its
 * threads would have no anchor in the new version and vanish from the reader.
 */
export async function importAnnotations(actor: Viewer, input: { slug: string; data: string; siteUrl: string }): Promise<ImportReport> {
  if (actor.role !== "ADMIN" || actor.suspension) throw new ImportError(404, "notFound");
  const db = getDb();
  const article = await db.article.findUnique({ where: { slug: input.slug }, select: { id: true, currentVersionId: true, currentVersion: { select: { number: true } } } });
  if (!article?.currentVersionId || !article.currentVersion) throw new ImportError(404, "articleMissing");
  const canonical = await versionText(article.currentVersionId);
  if (!canonical) throw new ImportError(404, "articleMissing");

  const parsed = parseImport(input.data);
  const local = await classifyLocalRows(db, parsed.rows, { siteUrl: input.siteUrl, articleId: article.id });
  const removedIds = new Set(local.removed.map((skip) => skip.externalId));
  const plan = planImport(parsed.rows.filter((row) => !removedIds.has(row.externalId)), [...parsed.skipped, ...local.removed]);
  const versionId = article.currentVersionId;
  const versionNumber = article.currentVersion.number;
  const index = createVersionIndex(canonical);
  const report: ImportReport = { format: parsed.format, imported: 0, anchored: 0, orphaned: 0, replies: 0, skipped: plan.skipped };

  await db.$transaction(
    async (tx) => {
      // The same lock createAnnotation takes: an edit waits for the import to commit, then re-anchors what it added.
      const [locked] = await tx.$queryRaw<Array<{ currentVersionId: string | null }>>`
        SELECT "currentVersionId" FROM "Article" WHERE id = ${article.id} FOR SHARE`;
      if (!locked) throw new ImportError(404, "articleMissing");
      if (locked.currentVersionId !== versionId) throw new ImportError(409, "articleChanged");
      const authors = new Map<string, string>();
      const authorOf = async (row: ImportRow): Promise<string | null> => {
        if (local.authors.has(row.externalId)) return local.authors.get(row.externalId)!;
        const user = row.user ?? UNKNOWN_USER;
        const key = `${user.name}@${user.domain}`;
        if (!authors.has(key)) authors.set(key, await findOrCreatePlaceholder(tx, user));
        return authors.get(key)!;
      };
      const created = new Map<string, { id: string; rootId: string }>();
      for (const row of plan.ordered) {
        const existing = local.here.get(row.externalId);
        if (existing) {
          created.set(row.externalId, existing);
          report.skipped.push({ externalId: row.externalId, reason: "alreadyHere" });
          continue;
        }
        const common = {
          articleId: article.id,
          versionId,
          authorId: await authorOf(row),
          visibility: "PUBLIC" as const,
          body: row.text,
          bodyKey: bodyKeyOf(row.text),
          tags: row.tags,
          createdAt: row.created ?? new Date(),
          editedAt: importedEditedAt(row),
          sources: { create: row.sources.map((source, position) => ({ ...source, position })) },
        };
        // The same author, time and text on this article is this row imported before: reuse it, so importing a file twice adds nothing.
        const earlier = row.created
          ? await tx.annotation.findFirst({ where: { articleId: article.id, authorId: common.authorId, createdAt: row.created, body: row.text }, select: { id: true, rootId: true } })
          : null;
        if (earlier) {
          created.set(row.externalId, { id: earlier.id, rootId: earlier.rootId ?? earlier.id });
          report.skipped.push({ externalId: row.externalId, reason: "alreadyImported" });
          continue;
        }
        const parent = row.parentExternalId ? created.get(row.parentExternalId) : undefined;
        if (parent) {
          const reply = await tx.annotation.create({ data: { ...common, parentId: parent.id, rootId: parent.rootId }, select: { id: true } });
          created.set(row.externalId, { id: reply.id, rootId: parent.rootId });
          report.replies++;
          continue;
        }
        const quote = row.quote!;
        const result = anchorSelectors(
          canonical,
          {
            quote: { type: "TextQuoteSelector", ...quote },
            position: { type: "TextPositionSelector", start: row.position?.start ?? Number.NaN, end: row.position?.end ?? Number.NaN },
            startBlockId: "",
            versionId,
          },
          { index },
        );
        // An anchored import stores selectors described from Gloss's own text, like a new annotation; an orphan keeps what it arrived with.
        const described = result.status === "anchored" ? describeRange(canonical, result.start, result.end, versionId) : null;
        const root = await tx.annotation.create({
          data: {
            ...common,
            quoteExact: described?.quote.exact ?? quote.exact,
            quotePrefix: described?.quote.prefix ?? quote.prefix,
            quoteSuffix: described?.quote.suffix ?? quote.suffix,
            positionStart: described?.position.start ?? row.position?.start ?? null,
            positionEnd: described?.position.end ?? row.position?.end ?? null,
            startBlockId: described?.startBlockId ?? null,
            anchors: {
              create: result.status === "anchored"
                ? { versionId, start: result.start, end: result.end, score: result.score, method: result.method }
                : { versionId, start: null, end: null, score: 0, method: "orphan" },
            },
          },
          select: { id: true },
        });
        created.set(row.externalId, { id: root.id, rootId: root.id });
        if (result.status === "anchored") report.anchored++;
        else report.orphaned++;
      }
      report.imported = report.anchored + report.orphaned + report.replies;
      await recordModeration(tx, {
        actor: { id: actor.id, handle: actor.handle },
        action: "import",
        before: { slug: input.slug, version: versionNumber },
        after: { format: report.format, imported: report.imported, anchored: report.anchored, orphaned: report.orphaned, replies: report.replies, skipped: report.skipped.length },
      });
    },
    { timeout: 120_000 },
  );
  return report;
}
