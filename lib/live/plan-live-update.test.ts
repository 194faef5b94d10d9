import { describe, expect, it } from "vitest";
import type { LiveMessage } from "@/lib/live/events";
import { planLiveUpdate } from "./plan-live-update";

const message = (extra: Partial<LiveMessage>): LiveMessage => ({ id: "1", kind: "annotation.created", annotationId: "a1", rootId: null, isVisible: true, isOwn: false, ...extra });

describe("what a live event does to the page", () => {
  it("holds new threads by others behind the bar", () => {
    expect(planLiveUpdate(message({}), () => false)).toEqual({ hold: "a1", refresh: false });
    expect(planLiveUpdate(message({ kind: "annotation.restored" }), () => false)).toEqual({ hold: "a1", refresh: false });
  });

  it("re-renders in place for replies, edits, one's own threads and removals", () => {
    expect(planLiveUpdate(message({ rootId: "r" }), () => true)).toEqual({ refresh: true });
    expect(planLiveUpdate(message({ kind: "annotation.updated" }), () => true)).toEqual({ refresh: true });
    expect(planLiveUpdate(message({ isOwn: true }), () => false)).toEqual({ refresh: true });
    expect(planLiveUpdate(message({ kind: "annotation.hidden", isVisible: false }), () => true)).toEqual({ release: "a1", refresh: true });
  });
});
