import { usePostJson, type ApiResult } from "@/components/auth/post-json";

/** Posts moderation decisions; a 409 carries "already handled by @x", an unreachable database the generic message. */
export function usePostModeration(): <T = unknown>(url: string, body: Record<string, unknown>) => Promise<ApiResult<T>> {
  return usePostJson();
}
