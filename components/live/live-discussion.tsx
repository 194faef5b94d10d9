"use client";

import { useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { LiveMessage } from "@/lib/live/events";
import { planLiveUpdate } from "@/lib/live/plan-live-update";

interface LiveState {
  /** New threads by others, held back so the page does not move under the reader. */
  pendingThreadIds: readonly string[];
  isConnected: boolean;
  showPending: () => void;
}

const LiveContext = createContext<LiveState>({ pendingThreadIds: [], isConnected: false, showPending: () => {} });

export function useLiveDiscussion(): LiveState {
  return useContext(LiveContext);
}

/** Refreshes are bunched: a burst of events costs one re-render of the page. */
const REFRESH_DELAY_MS = 250;

/** After the stream is refused, try again in 1 s, then 2, 4… up to half a minute. */
const RETRY_FIRST_MS = 1000;
const RETRY_MAX_MS = 30_000;

/**
 * Listens to the article's live stream. Replies, edits, hides and deletions
 * re-render the page from the server (router.refresh keeps scroll, focus and
 * drafts); new threads by others wait behind the "new annotations" bar. The
 * browser reconnects by itself, sending the last event id, and where it gives
 * up we reconnect from that id, so nothing is missed.
 */
export function LiveDiscussion({ articleId, since, children }: { articleId: string; since: string; children: ReactNode }) {
  const router = useRouter();
  const [pendingThreadIds, setPending] = useState<string[]>([]);
  const [isConnected, setConnected] = useState(false);
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const refreshSoon = useCallback(() => {
    if (refreshTimer.current) return;
    refreshTimer.current = setTimeout(() => {
      refreshTimer.current = null;
      router.refresh();
    }, REFRESH_DELAY_MS);
  }, [router]);

  useEffect(() => {
    let source: EventSource | null = null;
    let lastEventId = since;
    let retryTimer: ReturnType<typeof setTimeout> | null = null;
    let retries = 0;
    const connect = () => {
      source = new EventSource(`/api/live/articles/${articleId}?since=${encodeURIComponent(lastEventId)}`);
      source.onopen = () => {
        retries = 0;
        setConnected(true);
      };
      source.onerror = () => {
        setConnected(false);
        // The browser retries a dropped stream by itself, but gives up for good on an error answer (a 502 while
        // the site deploys, a 500 while the database restarts). Then we start over from the last event seen.
        if (source?.readyState !== EventSource.CLOSED) return;
        source = null;
        retryTimer = setTimeout(connect, Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** retries++));
      };
      source.addEventListener("live", (event) => {
        const live = event as MessageEvent<string>;
        if (live.lastEventId) lastEventId = live.lastEventId;
        const message = JSON.parse(live.data) as LiveMessage;
        const plan = planLiveUpdate(message, (threadId) => document.getElementById(`thread-${threadId}`) !== null);
        if (plan.hold) setPending((ids) => (ids.includes(plan.hold!) ? ids : [...ids, plan.hold!]));
        if (plan.release) setPending((ids) => ids.filter((id) => id !== plan.release));
        if (plan.refresh) refreshSoon();
      });
    };
    connect();
    return () => {
      source?.close();
      if (retryTimer) clearTimeout(retryTimer);
      if (refreshTimer.current) clearTimeout(refreshTimer.current);
      refreshTimer.current = null;
    };
    // The stream's start point is fixed for the page's life: later refreshes do not restart it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [articleId]);

  const showPending = useCallback(() => {
    setPending([]);
    router.refresh();
  }, [router]);

  const value = useMemo(() => ({ pendingThreadIds, isConnected, showPending }), [pendingThreadIds, isConnected, showPending]);
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}
