"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { resolveTextFragment } from "@/lib/anchoring/text-fragment";
import { sharedPassagePath } from "@/lib/anchoring/shared-passage-link";

/**
 * Honours standard text-fragment links (`#:~:text=…`) like Gloss's own shared
 * passages. Browsers hide the directive from location.hash, but the
 * navigation entry keeps the full address.
 */
export function TextFragmentBridge({ slug }: { slug: string }) {
  const router = useRouter();
  useEffect(() => {
    const entry = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
    if (!entry?.name.includes(":~:text=") || new URL(window.location.href).searchParams.has("quote")) return;
    const blocks = Array.from(document.querySelectorAll<HTMLElement>("[data-article-body] [data-block-start]"));
    const passage = resolveTextFragment(entry.name, blocks.map((block) => block.textContent ?? "").join("\n\n"));
    router.replace(passage ? sharedPassagePath(slug, passage) : `/articles/${slug}?quote=`, { scroll: false });
  }, [router, slug]);
  return null;
}
