"use client";

import { lazy, Suspense, type ComponentType } from "react";

/**
 * A component fetched in its own chunk the first time it renders, showing
 * nothing until it arrives (rendered on the server, it streams in). React's own
 * lazy rather than next/dynamic, whose preloading machinery alone is about 2 KB
 * of every article page's first-load JavaScript.
 */
export function lazyComponent<Props extends object>(load: () => Promise<ComponentType<Props>>): ComponentType<Props> {
  const Lazy = lazy(async () => ({ default: await load() }));
  function LazyComponent(props: Props) {
    return (
      <Suspense fallback={null}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  return LazyComponent;
}
