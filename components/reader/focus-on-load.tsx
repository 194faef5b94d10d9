"use client";

import { useEffect } from "react";

/**
 * Scrolls to and focuses what a link points at. The server already put the
 * emphasis in the page and a fragment in a refresh for browsers without
 * JavaScript; this makes it land smoothly and moves keyboard focus there.
 */
export function FocusOnLoad({ targetId }: { targetId: string }) {
  useEffect(() => {
    const target = document.getElementById(targetId);
    if (!target) return;
    target.scrollIntoView({ block: "center" });
    target.focus({ preventScroll: true });
  }, [targetId]);
  return null;
}
