import { z } from "zod";
import type { ImportRow, SkippedRow } from "./import-rows";
import { parseDate, readSelectors } from "./parse-hypothesis";

const bodySchema = z.looseObject({
  type: z.string().optional(),
  value: z.string().optional(),
  purpose: z.string().optional(),
  source: z.string().optional(),
  "gloss:stance": z.string().optional(),
  "gloss:title": z.string().optional(),
});

/** A W3C Web Annotation as Gloss exports it (other producers' annotations read the same way). */
const webAnnotationSchema = z.looseObject({
  id: z.string().min(1).max(500),
  type: z.literal("Annotation"),
  motivation: z.string().optional(),
  created: z.string().optional(),
  modified: z.string().optional(),
  creator: z.looseObject({ name: z.string().optional(), nickname: z.string().optional(), id: z.string().optional() }).optional(),
  body: z.union([bodySchema, z.array(bodySchema)]).optional(),
  target: z.union([
    z.string(),
    z.looseObject({ source: z.string().optional(), selector: z.union([z.looseObject({ type: z.string() }), z.array(z.looseObject({ type: z.string() }))]).optional() }),
  ]),
});

const STANCES = { supports: "SUPPORTS", disputes: "DISPUTES", context: "CONTEXT" } as const;

function hostOf(iri: string): string {
  try {
    return new URL(iri).host || "unknown";
  } catch {
    return "unknown";
  }
}

/** Web Annotations → import rows: a reply is an annotation whose target is another annotation's IRI. */
export function parseWebAnnotations(raw: readonly unknown[]): { rows: ImportRow[]; skipped: SkippedRow[] } {
  const rows: ImportRow[] = [];
  const skipped: SkippedRow[] = [];
  for (const item of raw) {
    const parsed = webAnnotationSchema.safeParse(item);
    if (!parsed.success) {
      skipped.push({ externalId: null, reason: "notWebAnnotation" });
      continue;
    }
    const annotation = parsed.data;
    const bodies = annotation.body === undefined ? [] : Array.isArray(annotation.body) ? annotation.body : [annotation.body];
    const text = bodies.find((body) => body.type === "TextualBody" && body.purpose !== "tagging" && body.value !== undefined)?.value ?? "";
    const tags = bodies.filter((body) => body.purpose === "tagging" && body.value).map((body) => body.value!);
    const sources = bodies.flatMap((body) => {
      const stance = STANCES[(body["gloss:stance"] ?? "context") as keyof typeof STANCES];
      return body.purpose === "linking" && body.source && stance ? [{ url: body.source, title: body["gloss:title"] ?? null, stance }] : [];
    });
    const isReply = typeof annotation.target === "string";
    const selectors = typeof annotation.target === "string" ? [] : [annotation.target.selector ?? []].flat();
    const name = annotation.creator?.nickname ?? annotation.creator?.name;
    rows.push({
      externalId: annotation.id,
      user: name ? { name, domain: hostOf(annotation.id), displayName: annotation.creator?.name ?? null } : null,
      text,
      tags,
      parentExternalId: isReply ? (annotation.target as string) : null,
      created: parseDate(annotation.created),
      modified: parseDate(annotation.modified),
      ...readSelectors(selectors),
      sources,
    });
  }
  return { rows, skipped };
}
