import { postJson, type ApiResult } from "@/components/auth/post-json";

/** Sends a request to an annotation endpoint and normalises the answer. */
export async function callAnnotationApi<T>(url: string, method: "POST" | "PATCH" | "DELETE", body: unknown = {}): Promise<ApiResult<T>> {
  if (method === "POST") return postJson<T>(url, body);
  try {
    const response = await fetch(url, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const data: unknown = await response.json().catch(() => ({}));
    if (response.ok) return { ok: true, data: data as T };
    const record = (data ?? {}) as { error?: string; message?: string; fieldErrors?: Record<string, string> };
    return { ok: false, status: response.status, failure: { error: record.message ?? record.error ?? "Something went wrong.", fieldErrors: record.fieldErrors ?? {} } };
  } catch {
    return { ok: false, status: 0, failure: { error: "Couldn't reach Gloss. Check your connection and try again.", fieldErrors: {} } };
  }
}
