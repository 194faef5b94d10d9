import { describe, expect, it } from "vitest";
import { isCrossSiteRequest } from "./cross-site-request";

const site = "http://127.0.0.1:3000";
function facts(method: string, headers: Record<string, string>, appUrl?: string) {
  return { method, url: `${site}/api/annotations`, headers: new Headers({ host: "127.0.0.1:3000", ...headers }), appUrl };
}

describe("isCrossSiteRequest", () => {
  it("lets reads through whatever their origin", () => {
    expect(isCrossSiteRequest(facts("GET", { origin: "https://evil.example" }))).toBe(false);
    expect(isCrossSiteRequest(facts("HEAD", {}))).toBe(false);
  });

  it("accepts a write from the site's own origin", () => {
    expect(isCrossSiteRequest(facts("POST", { origin: site, "sec-fetch-site": "same-origin" }))).toBe(false);
    expect(isCrossSiteRequest(facts("DELETE", { origin: site }))).toBe(false);
  });

  it("refuses writes without an Origin, with a foreign or opaque one", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      expect(isCrossSiteRequest(facts(method, {}))).toBe(true);
      expect(isCrossSiteRequest(facts(method, { origin: "https://evil.example" }))).toBe(true);
      expect(isCrossSiteRequest(facts(method, { origin: "null" }))).toBe(true);
      expect(isCrossSiteRequest(facts(method, { origin: "http://127.0.0.1:3001" }))).toBe(true);
    }
  });

  it("refuses what the browser itself says is cross-site or same-site, even with a matching Origin", () => {
    expect(isCrossSiteRequest(facts("POST", { origin: site, "sec-fetch-site": "cross-site" }))).toBe(true);
    expect(isCrossSiteRequest(facts("POST", { origin: site, "sec-fetch-site": "same-site" }))).toBe(true);
  });

  it("accepts APP_URL's origin behind a proxy that forwards another host", () => {
    const request = { method: "POST", url: "http://10.0.0.5:3000/api/annotations", headers: new Headers({ host: "10.0.0.5:3000", origin: "https://gloss.example" }), appUrl: "https://gloss.example" };
    expect(isCrossSiteRequest(request)).toBe(false);
    expect(isCrossSiteRequest({ ...request, headers: new Headers({ host: "gloss.example", "x-forwarded-proto": "https", origin: "https://gloss.example" }), appUrl: undefined })).toBe(false);
  });

  it("exempts bearer-token clients, which a cross-site page cannot imitate", () => {
    expect(isCrossSiteRequest(facts("POST", { authorization: "Bearer gls_abc" }))).toBe(false);
    expect(isCrossSiteRequest(facts("POST", { authorization: "Basic abc" }))).toBe(true);
    expect(isCrossSiteRequest(facts("POST", { authorization: "Bearer " }))).toBe(true);
  });

  it("leaves the public API, which never reads cookies, to its token check", () => {
    const api = (path: string) => ({ method: "POST", url: `${site}${path}`, headers: new Headers({ host: "127.0.0.1:3000" }) });
    expect(isCrossSiteRequest(api("/api/v1/articles/x/annotations"))).toBe(false);
    expect(isCrossSiteRequest(api("/api/v1x/annotations"))).toBe(true);
    expect(isCrossSiteRequest(api("/api/annotations"))).toBe(true);
  });
});
