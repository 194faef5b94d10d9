/**
 * Signs in through next-auth's Credentials callback; used after sign-up and by the sign-in form.
 * Failures carry next-auth's error code, the limiter's (already localised) message
 * for a 429, or status 0 when the network failed: the caller words them.
 */
export async function signInWithPassword(email: string, password: string, callbackUrl: string): Promise<{ ok: true } | { ok: false; status: number; message: string }> {
  try {
    const csrf = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email, password, callbackUrl, csrfToken: csrf.csrfToken, json: "true" }),
    });
    const data = (await response.json().catch(() => ({}))) as { url?: string; message?: string };
    if (response.status === 429) return { ok: false, status: 429, message: data.message ?? "" };
    const errorCode = data.url ? new URL(data.url, window.location.origin).searchParams.get("error") : "Unknown";
    if (errorCode) return { ok: false, status: response.status, message: errorCode };
    return { ok: true };
  } catch {
    return { ok: false, status: 0, message: "" };
  }
}
