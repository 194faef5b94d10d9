"use client";

import { lazyComponent } from "@/components/ui/lazy-component";

/**
 * The reply form (under each thread, and behind each Reply button) in its own
 * chunk: rendered on the server as usual where it shows at once, but a reader
 * who cannot reply (not signed in) never downloads it or the mention
 * suggestions it carries.
 */
export const LazyReplyForm = lazyComponent(() => import("./reply-form").then((module) => module.ReplyForm));
