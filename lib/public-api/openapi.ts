import { z } from "zod";
import {
  annotationListQuery,
  apiAnnotation,
  apiAnnotationPage,
  apiArticle,
  apiArticleList,
  apiCreateAnnotationBody,
  apiCreated,
  apiEditBody,
  apiError,
  apiReplyBody,
  idParam,
  slugParam,
} from "@/lib/validation/public-api";

type JsonSchema = Record<string, unknown>;

/** A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect): what clients send for inputs, what they get for outputs. */
function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, target: "draft-2020-12", unrepresentable: "any" });
  void _dialect;
  return rest;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string) => ({ "application/json": { schema: ref(name) } });

function errorResponse(description: string) {
  return { description, content: json("Error") };
}

const errors = {
  400: errorResponse("Invalid input: `fieldErrors` names each field (for a list, also an altered cursor)."),
  401: errorResponse("No token where one is needed, or a malformed, revoked or expired token."),
  403: errorResponse("The token lacks the scope, or its owner may not do this now (unverified address, suspension)."),
  404: errorResponse("Unknown, or not visible to the caller."),
  409: errorResponse("The state changed under the request: the article has a newer version, or the thread is locked or was hidden by moderators."),
  429: { ...errorResponse("Rate limited; wait for Retry-After seconds."), headers: { "Retry-After": { schema: { type: "integer" } } } },
};

const corsHeader = { "Access-Control-Allow-Origin": { description: "Always `*` on read endpoints.", schema: { type: "string" } } };

function pathParameter(name: string, schema: z.ZodType, description: string) {
  return { name, in: "path", required: true, description, schema: jsonSchema(schema, "input") };
}

function queryParameters(schema: z.ZodObject) {
  return Object.entries(schema.shape).map(([name, field]) => {
    const { description, ...fieldSchema } = jsonSchema(field as z.ZodType, "input");
    return { name, in: "query", required: false, ...(description ? { description } : {}), schema: fieldSchema };
  });
}

const slug = pathParameter("slug", slugParam, "The article's slug.");
const id = pathParameter("id", idParam, "An annotation id.");
const readSecurity = [{}, { bearerAuth: [] }];
const writeSecurity = [{ bearerAuth: ["write"] }];

function read(operationId: string, summary: string, schema: string, parameters: unknown[], notFound = true) {
  return {
    operationId,
    summary,
    tags: ["read"],
    security: readSecurity,
    parameters,
    responses: {
      200: { description: "OK", headers: corsHeader, content: json(schema) },
      ...(parameters.length > 0 ? { 400: errors[400] } : {}),
      401: errors[401],
      ...(notFound ? { 404: errors[404] } : {}),
      429: errors[429],
    },
  };
}

/** `conflict`: the operation can answer 409 (posting and replying); edits and deletions cannot. */
function write(operationId: string, summary: string, parameters: unknown[], body: string | null, success: Record<number, unknown>, conflict = false) {
  return {
    operationId,
    summary,
    tags: ["write"],
    security: writeSecurity,
    parameters,
    ...(body ? { requestBody: { required: true, content: json(body) } } : {}),
    responses: { ...success, 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404], ...(conflict ? { 409: errors[409] } : {}), 429: errors[429] },
  };
}

/** The open-data files: public, no token, each with its own media type. */
function download(operationId: string, summary: string, mediaType: string, parameters: unknown[], badRequest: boolean) {
  return {
    operationId,
    summary,
    tags: ["open data"],
    security: [{}],
    parameters,
    responses: {
      200: { description: "OK", headers: corsHeader, content: { [mediaType]: { schema: mediaType.includes("json") ? { type: "object" } : { type: "string" } } } },
      ...(badRequest ? { 400: errors[400] } : {}),
      404: errors[404],
    },
  };
}

const exportPage = { name: "page", in: "query", required: false, description: "One AnnotationPage (from 0) instead of the collection.", schema: { type: "integer", minimum: 0 } };

/**
 * The OpenAPI 3.1 description of /api/v1, generated from the same zod schemas
 * the endpoints parse with, so the document cannot drift from what they accept.
 */
export function buildOpenApiDocument(siteUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Gloss public API",
      version: "1.0.0",
      description:
        "Read articles and their public annotations without a token (CORS allowed). Write, and read your own private annotations, with a personal access token created on your account page, sent as `Authorization: Bearer <token>`. Offsets are Unicode code points of the article's canonical text.",
    },
    servers: [{ url: siteUrl }],
    tags: [
      { name: "read", description: "Public, CORS-enabled." },
      { name: "write", description: "Token with the write scope; no CORS." },
      { name: "open data", description: "Whole-article exports and feeds." },
    ],
    paths: {
      "/api/v1/articles": { get: read("listArticles", "List published articles, newest first", "ArticleList", [], false) },
      "/api/v1/articles/{slug}": { get: read("getArticle", "Get an article with the text annotations anchor to", "Article", [slug]) },
      "/api/v1/articles/{slug}/annotations": {
        get: read("listAnnotations", "List an article's annotations and replies, oldest first", "AnnotationPage", [slug, ...queryParameters(annotationListQuery)]),
        post: write("createAnnotation", "Annotate or highlight a passage", [slug], "CreateAnnotation", { 201: { description: "Created", content: json("Created") } }, true),
      },
      "/api/v1/annotations/{id}": {
        get: read("getAnnotation", "Get one annotation", "Annotation", [id]),
        patch: write("editAnnotation", "Edit your annotation or reply", [id], "EditAnnotation", { 200: { description: "The edited annotation", content: json("Annotation") } }),
        delete: write("deleteAnnotation", "Delete your annotation or reply", [id], null, { 204: { description: "Deleted" } }),
      },
      "/articles/{slug}/annotations.jsonld": {
        get: download("exportWebAnnotations", "An article's public annotations as a W3C AnnotationCollection", 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"', [slug, exportPage], true),
      },
      "/articles/{slug}/annotations.csv": { get: download("exportCsv", "An article's public annotations as CSV", "text/csv", [slug], false) },
      "/articles/{slug}/feed.xml": { get: download("atomFeed", "An Atom feed of an article's newest public annotations", "application/atom+xml", [slug], false) },
      "/api/v1/annotations/{id}/replies": {
        post: write("createReply", "Reply to an annotation", [id], "CreateReply", { 201: { description: "Created", content: json("Created") } }, true),
      },
    },
    components: {
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          description: "A personal access token (gloss_pat_…). Scopes: `read:private` also returns your own private annotations; `write` allows posting, replying, editing and deleting as you.",
        },
      },
      schemas: {
        Article: jsonSchema(apiArticle, "output"),
        ArticleList: jsonSchema(apiArticleList, "output"),
        Annotation: jsonSchema(apiAnnotation, "output"),
        AnnotationPage: jsonSchema(apiAnnotationPage, "output"),
        Created: jsonSchema(apiCreated, "output"),
        Error: jsonSchema(apiError, "output"),
        CreateAnnotation: jsonSchema(apiCreateAnnotationBody, "input"),
        CreateReply: jsonSchema(apiReplyBody, "input"),
        EditAnnotation: jsonSchema(apiEditBody, "input"),
      },
    },
  };
}
