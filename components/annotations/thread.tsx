import { useTranslations } from "next-intl";
import type { ThreadView } from "@/lib/data/annotations/list-article-annotations";
import { passageId } from "@/lib/highlights/passage-ids";
import { buildThread, countReplies, type ThreadNode } from "@/lib/threads/build-thread";
import type { AnnotationView } from "@/lib/data/annotations/list-article-annotations";
import { actionProps } from "./actionable";
import { AnnotationActions } from "./annotation-actions";
import { AnnotationItem } from "./annotation-item";
import { LazyReplyForm } from "./lazy-reply-form";
import { languageDirection } from "@/lib/articles/languages";


function Evidence({ evidence }: { evidence: ThreadView["evidence"] }) {
  const t = useTranslations("annotations.thread");
  const parts = [
    evidence.SUPPORTS ? t("supports", { count: evidence.SUPPORTS }) : null,
    evidence.DISPUTES ? t("disputes", { count: evidence.DISPUTES }) : null,
    evidence.CONTEXT ? t("context", { count: evidence.CONTEXT }) : null,
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return <p className="mt-2 text-sm font-medium">{t("evidence", { parts: parts.join(" · ") })}</p>;
}

type DisplayItem = Omit<AnnotationView, "createdAt"> & { createdAt: Date };

function Replies({ nodes, quote, focusedId }: { nodes: ThreadNode<DisplayItem>[]; quote: string; focusedId?: string }) {
  if (nodes.length === 0) return null;
  return (
    <ol className="mt-3 space-y-3 border-l-2 border-[var(--color-rule)] pl-3">
      {nodes.map((node) => (
        <li key={node.item.id}>
          <AnnotationItem item={{ ...node.item, createdAt: node.item.createdAt.toISOString() }} quote={quote} inReplyTo={node.inReplyTo} focusedId={focusedId} />
          <Replies nodes={node.children} quote={quote} focusedId={focusedId} />
        </li>
      ))}
    </ol>
  );
}

/** The quote cut to `max` characters, counted in code points so an emoji or a rare Chinese character is never split. */
function shortQuote(quote: string, max: number): string {
  const characters = Array.from(quote);
  return characters.length > max ? `${characters.slice(0, max).join("")}…` : quote;
}

/** A thread: the quoted passage, its root annotation with evidence, the replies, and a way back to the passage. */
export function Thread({ thread, canReply, focusedId, quoteLanguage }: { thread: ThreadView; canReply: boolean; focusedId?: string; quoteLanguage: string }) {
  const t = useTranslations("annotations.thread");
  const tree = buildThread<DisplayItem>(
    { ...thread.root, createdAt: new Date(thread.root.createdAt), parentId: null },
    thread.replies.map((reply) => ({ ...reply, createdAt: new Date(reply.createdAt) })),
  );
  const replyCount = countReplies(tree);
  const back = thread.anchor ? (
    <a href={`#${passageId(thread.root.id)}`} data-back-to-passage={thread.root.id} className="mt-3 inline-flex min-h-6 items-center text-sm font-medium underline underline-offset-4">
      <span aria-hidden="true">↑&nbsp;</span>
      {t("backToPassage")}
    </a>
  ) : null;
  return (
    <article id={`thread-${thread.root.id}`} tabIndex={-1} aria-label={t("label", { quote: Array.from(thread.quote).slice(0, 60).join("") })} className="scroll-mt-24 rounded-md border border-[var(--color-rule)] p-4 target:ring-2 target:ring-[var(--color-accent)]">
      <blockquote lang={quoteLanguage} dir={languageDirection(quoteLanguage)} className="border-l-4 border-[var(--color-highlight-3)] pl-3 font-serif italic leading-relaxed wrap-anywhere">
        {shortQuote(thread.quote, 280)}
      </blockquote>
      {thread.isHighlightOnly ? (
        <div className="mt-3">
          <p className="text-sm text-[var(--color-muted)]">{t("privateHighlight")}</p>
          <AnnotationActions {...actionProps(thread.root, thread.quote)} />
        </div>
      ) : (
        <div className="mt-3">
          <AnnotationItem item={thread.root} quote={thread.quote} focusedId={focusedId} />
          <Evidence evidence={thread.evidence} />
          <details open className="mt-3">
            <summary className="min-h-6 cursor-pointer text-sm font-medium">{t("replies", { count: replyCount })}</summary>
            <Replies nodes={tree.children} quote={thread.quote} focusedId={focusedId} />
            {thread.isLocked ? (
              <p className="mt-3 text-sm font-medium">
                <span aria-hidden="true">🔒 </span>
                {t("locked")}
              </p>
            ) : canReply && thread.root.can.reply ? (
              <LazyReplyForm parentId={thread.root.id} />
            ) : null}
          </details>
        </div>
      )}
      {back}
    </article>
  );
}
