import { z } from "zod";
import { getViewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db";
import { latestLiveEventId, loadLiveMessages } from "@/lib/data/live/load-live-messages";
import { findLiveSession } from "@/lib/data/users/sessions";
import { jsonError } from "@/lib/http";
import { parseEventCursor, sseFrame } from "@/lib/live/events";
import { getLiveHub } from "@/lib/live/hub";

const paramsSchema = z.object({ id: z.string().regex(/^[a-z0-9]{20,40}$/) });
/** Keeps proxies from closing an idle stream, and notices a client that left. */
const HEARTBEAT_MS = 15_000;
/** A signed-in stream re-checks its session this often: signing out or being signed out everywhere ends it too. */
const SESSION_CHECK_MS = 30_000;

/**
 * Server-Sent Events for one article's discussion: ids and kinds only, each
 * filtered for the viewer as it is sent. A client that reconnects sends
 * Last-Event-ID (the browser does it by itself) and resumes right after it;
 * a first connection may name `?since=` (the event the page was rendered at).
 */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  const parsed = paramsSchema.safeParse(await context.params);
  if (!parsed.success) return jsonError(404, "Not found.");
  const articleId = parsed.data.id;
  const viewer = await getViewer();
  const article = await getDb().article.findUnique({ where: { id: articleId }, select: { id: true } });
  if (!article) return jsonError(404, "Not found.");

  const since = parseEventCursor(request.headers.get("last-event-id")) ?? parseEventCursor(new URL(request.url).searchParams.get("since"));
  let cursor = since ?? (await latestLiveEventId(articleId));
  const encoder = new TextEncoder();
  let unsubscribe = () => {};
  let heartbeat: ReturnType<typeof setInterval> | undefined;

  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      let running = false;
      let again = false;
      const close = () => {
        if (closed) return;
        closed = true;
        unsubscribe();
        clearInterval(heartbeat);
        try {
          controller.close();
        } catch {
          // Already closed by the client.
        }
      };
      let sessionCheckedAt = Date.now();
      const sessionEnded = async () => {
        if (!viewer || Date.now() - sessionCheckedAt < SESSION_CHECK_MS) return false;
        sessionCheckedAt = Date.now();
        return (await findLiveSession(getDb(), viewer.sessionId)) === null;
      };
      const send = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      // Wakes may come faster than reads finish: one read at a time, and one more if woken meanwhile.
      const drain = async () => {
        if (running) {
          again = true;
          return;
        }
        running = true;
        try {
          // The browser reconnects by itself, and then as whoever its cookies say it is now.
          if (await sessionEnded()) return close();
          do {
            again = false;
            const batch = await loadLiveMessages(viewer, articleId, cursor);
            for (const message of batch.messages) send(sseFrame(message));
            cursor = batch.cursor;
            if (batch.hasMore) again = true;
          } while (again && !closed);
        } catch (error) {
          console.error("live: delivery failed", error);
        } finally {
          running = false;
        }
      };
      send(`retry: 2000\n: connected at ${cursor.toString()}\n\n`);
      unsubscribe = getLiveHub().subscribe(articleId, () => void drain());
      heartbeat = setInterval(() => {
        send(": keep-alive\n\n");
        void drain();
      }, HEARTBEAT_MS);
      request.signal.addEventListener("abort", close);
      void drain();
    },
    cancel() {
      unsubscribe();
      clearInterval(heartbeat);
    },
  });
  return new Response(stream, {
    headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache, no-transform", "x-accel-buffering": "no" },
  });
}
