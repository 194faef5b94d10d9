import { postJson, type ApiResult } from "@/components/auth/post-json";

/** Posts a moderation decision; a 409 carries "already handled by @x". */
export function postModeration<T = unknown>(url: string, body: Record<string, unknown>): Promise<ApiResult<T>> {
  return postJson<T>(url, body);
}
