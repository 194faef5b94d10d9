/**
 * The security headers every response carries. A strict nonce-based CSP:
 * only scripts carrying this request's nonce (and what they load) run, so
 * injected markup cannot execute; nothing may frame the site, change its base
 * URL or embed plugins.
 */
export function contentSecurityPolicy(nonce: string, isDev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self'${isDev ? " 'unsafe-inline'" : ` 'nonce-${nonce}'`}`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * HSTS in production unless APP_URL says the site is plain http (a local
 * `npm start` on http://localhost). Browsers ignore the header on http
 * responses anyway; an https site gets it even when APP_URL is unset.
 */
export function shouldSendHsts(env: { nodeEnv?: string; appUrl?: string }): boolean {
  if (env.nodeEnv !== "production") return false;
  return !env.appUrl || env.appUrl.startsWith("https:");
}

export const HSTS_VALUE = "max-age=63072000; includeSubDomains";

/** Headers independent of the request. */
export function staticSecurityHeaders(env: { nodeEnv?: string; appUrl?: string }): Record<string, string> {
  return {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "strict-origin-when-cross-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    ...(shouldSendHsts(env) ? { "strict-transport-security": HSTS_VALUE } : {}),
  };
}
