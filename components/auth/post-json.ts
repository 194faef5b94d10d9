/** The shape every account endpoint answers with on failure. */
export interface ApiFailure {
  error: string;
  fieldErrors: Partial<Record<string, string>>;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; status: number; failure: ApiFailure };

/** Posts JSON and normalises the answer, including 429s and network failures. */
export async function postJson<T>(url: string, body: unknown): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  } catch {
    return { ok: false, status: 0, failure: { error: "Couldn't reach Gloss. Check your connection and try again.", fieldErrors: {} } };
  }
  const data: unknown = await response.json().catch(() => ({}));
  if (response.ok) return { ok: true, data: data as T };
  const record = (data ?? {}) as Partial<ApiFailure> & { message?: string };
  return {
    ok: false,
    status: response.status,
    failure: {
      error: record.message ?? record.error ?? "Something went wrong. Try again.",
      fieldErrors: record.fieldErrors ?? {},
    },
  };
}
