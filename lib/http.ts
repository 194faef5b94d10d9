import type { FieldErrors } from "@/lib/validation/auth";

/** A JSON error a form can show: one message, and per-field messages where they apply. */
export function jsonError(status: number, message: string, fieldErrors: FieldErrors = {}): Response {
  return Response.json({ error: message, fieldErrors }, { status });
}

/** Reads a JSON or form body into a plain object; anything else reads as empty. */
export async function readBody(request: Request): Promise<Record<string, unknown>> {
  const type = request.headers.get("content-type") ?? "";
  try {
    if (type.includes("application/json")) {
      const body: unknown = await request.json();
      return body && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
    }
    if (type.includes("form")) return Object.fromEntries(await request.formData());
  } catch {
    return {};
  }
  return {};
}
