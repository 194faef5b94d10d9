"use client";

import type { ReactNode } from "react";
import { useLiveDiscussion } from "./live-discussion";

/** A thread that arrived live stays out of the list until the reader uses the bar. */
export function LiveThreadGate({ threadId, children }: { threadId: string; children: ReactNode }) {
  const { pendingThreadIds } = useLiveDiscussion();
  return pendingThreadIds.includes(threadId) ? null : <>{children}</>;
}
