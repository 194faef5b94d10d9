import { describe, expect, it } from "vitest";
import { importedEditedAt, localAnnotationId } from "./own-site";

const site = "https://gloss.test";

describe("localAnnotationId", () => {
  it("reads the id of this site's annotation IRIs only", () => {
    expect(localAnnotationId("https://gloss.test/a/cm1abc", site)).toBe("cm1abc");
    expect(localAnnotationId("https://gloss.test/a/cm1abc/", site)).toBe("cm1abc");
    expect(localAnnotationId("https://gloss.test/a/cm1abc?x=1#y", site)).toBe("cm1abc");
    expect(localAnnotationId("https://other.test/a/cm1abc", site)).toBeNull();
    expect(localAnnotationId("http://gloss.test/a/cm1abc", site)).toBeNull();
    expect(localAnnotationId("https://gloss.test:8443/a/cm1abc", site)).toBeNull();
    expect(localAnnotationId("https://gloss.test/a/cm1abc/share", site)).toBeNull();
    expect(localAnnotationId("h1", site)).toBeNull();
  });
});

describe("importedEditedAt", () => {
  const created = new Date("2025-01-01T00:00:00.000Z");

  it("counts a later modification as an edit, not the moment a save takes", () => {
    expect(importedEditedAt({ created, modified: new Date("2025-01-02T00:00:00.000Z") })).toEqual(new Date("2025-01-02T00:00:00.000Z"));
    expect(importedEditedAt({ created, modified: new Date("2025-01-01T00:00:00.400Z") })).toBeNull();
    expect(importedEditedAt({ created, modified: created })).toBeNull();
    expect(importedEditedAt({ created: null, modified: created })).toBeNull();
    expect(importedEditedAt({ created, modified: null })).toBeNull();
  });
});
