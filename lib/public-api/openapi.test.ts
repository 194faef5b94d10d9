import { validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./openapi";

describe("buildOpenApiDocument", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const document = buildOpenApiDocument("https://gloss.test");
    const result = await validate(structuredClone(document) as never);
    expect(result.valid, JSON.stringify(result)).toBe(true);
  });

  it("documents the cursor, filters and the bodies from the zod schemas", () => {
    const document = buildOpenApiDocument("https://gloss.test");
    const list = document.paths["/api/v1/articles/{slug}/annotations"].get;
    expect(list.parameters.map((parameter) => (parameter as { name: string }).name)).toEqual(["slug", "author", "tag", "stance", "since", "limit", "cursor"]);
    expect(document.components.schemas.CreateAnnotation).toMatchObject({ type: "object", properties: { selector: { type: "object" } } });
    expect(document.components.schemas.Annotation).toMatchObject({ required: expect.arrayContaining(["id", "createdAt"]) });
  });
});
