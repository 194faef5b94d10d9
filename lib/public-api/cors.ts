/**
 * Reads are public data, so any site may fetch them from a browser. Writes
 * carry no CORS headers at all: a browser on another origin cannot send them,
 * and a token pasted into some other site's page cannot be used from there.
 */
export const READ_CORS_HEADERS = {
  "access-control-allow-origin": "*",
  "access-control-expose-headers": "Retry-After",
} as const;

/** The preflight for a read endpoint: GET only, with a bearer token allowed for private reads. */
export function readPreflight(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...READ_CORS_HEADERS,
      "access-control-allow-methods": "GET, OPTIONS",
      "access-control-allow-headers": "Authorization, Content-Type",
      "access-control-max-age": "86400",
    },
  });
}

export function withHeaders(response: Response, headers: Record<string, string>): Response {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
