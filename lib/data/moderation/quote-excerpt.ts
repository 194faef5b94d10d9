import "server-only";
import { trimText } from "@/lib/articles/content-file";
import type { Transaction } from "./audit-log";

/** The passage a thread quotes, shortened for a one-line notice. Replies borrow their root's. */
export async function quoteExcerpt(tx: Transaction, annotation: { rootId: string | null; quoteExact: string | null }): Promise<string> {
  const quote = annotation.rootId ? (await tx.annotation.findUnique({ where: { id: annotation.rootId }, select: { quoteExact: true } }))?.quoteExact : annotation.quoteExact;
  return trimText(quote ?? "", 60);
}
