import { useTranslations } from "next-intl";
import { useCallback } from "react";

/** The shape every account endpoint answers with on failure. */
export interface ApiFailure {
  error: string;
  fieldErrors: Partial<Record<string, string>>;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; status: number; failure: ApiFailure };

/** What the client says when the server sent nothing a reader can read, in the reader's language. */
export interface FailureFallbacks {
  network: string;
  generic: string;
}

/**
 * The failure to show for an error response. A 503 comes from the database
 * guard, whose body is a code for machines ("database unavailable"), not a
 * sentence, and from proxies that send no JSON at all: both read as the
 * generic message. Every other error carries a message already worded for the reader.
 */
export function describeFailure(status: number, data: unknown, fallbacks: FailureFallbacks): ApiFailure {
  const record = (data !== null && typeof data === "object" ? data : {}) as Partial<ApiFailure> & { message?: string };
  return {
    error: status === 503 ? fallbacks.generic : (record.message ?? record.error ?? fallbacks.generic),
    fieldErrors: record.fieldErrors ?? {},
  };
}

/** Posts JSON and normalises the answer, including 429s, 503s and network failures. */
export async function postJson<T>(url: string, body: unknown, fallbacks: FailureFallbacks): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  } catch {
    return { ok: false, status: 0, failure: { error: fallbacks.network, fieldErrors: {} } };
  }
  const data: unknown = await response.json().catch(() => ({}));
  if (response.ok) return { ok: true, data: data as T };
  return { ok: false, status: response.status, failure: describeFailure(response.status, data, fallbacks) };
}

/** postJson with the fallbacks in the reader's language, for client components. */
export function usePostJson() {
  const t = useTranslations("errors");
  const network = t("network");
  const generic = t("generic");
  return useCallback(<T = unknown>(url: string, body: unknown) => postJson<T>(url, body, { network, generic }), [network, generic]);
}
