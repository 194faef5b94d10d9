"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { describeFailure, type ApiResult, type FailureFallbacks } from "@/components/auth/post-json";

/** Sends a request to an annotation endpoint and normalises the answer. */
export async function callAnnotationApi<T>(url: string, method: "POST" | "PATCH" | "DELETE", body: unknown, fallbacks: FailureFallbacks): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  } catch {
    return { ok: false, status: 0, failure: { error: fallbacks.network, fieldErrors: {} } };
  }
  const data: unknown = await response.json().catch(() => ({}));
  if (response.ok) return { ok: true, data: data as T };
  return { ok: false, status: response.status, failure: describeFailure(response.status, data, fallbacks) };
}

/** callAnnotationApi with the fallbacks translated. */
export function useAnnotationApi() {
  const t = useTranslations("errors");
  const network = t("network");
  const generic = t("generic");
  return useCallback(
    <T = unknown>(url: string, method: "POST" | "PATCH" | "DELETE", body: unknown = {}) => callAnnotationApi<T>(url, method, body, { network, generic }),
    [network, generic],
  );
}
