import { describe, expect, it } from "vitest";
import { anonymousPageRequest, PAGE_FILL_HEADER } from "./cacheable-request";

const ARTICLE = "http://gloss.test/articles/china-shared-future-cyberspace";

function request(url: string, headers: Record<string, string> = {}, method = "GET") {
  return { method, url, headers: new Headers({ host: "gloss.test", accept: "text/html,application/xhtml+xml,*/*;q=0.8", ...headers }) };
}

describe("anonymousPageRequest", () => {
  it("keys an article page by origin, address and language", () => {
    expect(anonymousPageRequest(request(`${ARTICLE}?sort=newest`))).toEqual({
      key: "http://gloss.test/articles/china-shared-future-cyberspace?sort=newest|en",
      locale: "en",
      host: "gloss.test",
      protocol: "http",
      pathAndQuery: "/articles/china-shared-future-cyberspace?sort=newest",
    });
  });

  it("tells languages apart, by the saved choice first and then Accept-Language", () => {
    expect(anonymousPageRequest(request(ARTICLE, { "accept-language": "zh-TW,zh;q=0.9" }))?.key).toMatch(/\|zh-CN$/);
    expect(anonymousPageRequest(request(ARTICLE, { "accept-language": "zh-CN", cookie: "gloss_locale=en" }))?.key).toMatch(/\|en$/);
  });

  it("keys by the public origin a reverse proxy forwards", () => {
    const forwarded = anonymousPageRequest(request(ARTICLE, { "x-forwarded-host": "gloss.example", "x-forwarded-proto": "https" }));
    expect(forwarded?.key).toBe("https://gloss.example/articles/china-shared-future-cyberspace|en");
    expect(forwarded?.protocol).toBe("https");
  });

  it("renders for itself any request with a cookie besides the language choice: a session above all", () => {
    expect(anonymousPageRequest(request(ARTICLE, { cookie: "next-auth.session-token=abc" }))).toBeNull();
    expect(anonymousPageRequest(request(ARTICLE, { cookie: "gloss_locale=zh-CN; __Secure-next-auth.session-token=abc" }))).toBeNull();
    expect(anonymousPageRequest(request(ARTICLE, { cookie: "anything=1" }))).toBeNull();
  });

  it("leaves the router's payload requests, actions and its own fill renders alone", () => {
    for (const header of ["rsc", "next-router-state-tree", "next-router-prefetch", "next-action", PAGE_FILL_HEADER]) {
      expect(anonymousPageRequest(request(ARTICLE, { [header]: "1" }))).toBeNull();
    }
    expect(anonymousPageRequest(request(`${ARTICLE}?_rsc=abc`))).toBeNull();
  });

  it("answers only requests for an HTML document: not the router's payload fetches, which accept anything", () => {
    expect(anonymousPageRequest(request(ARTICLE, { accept: "*/*" }))).toBeNull();
    expect(anonymousPageRequest(request(ARTICLE, { accept: "" }))).toBeNull();
    expect(anonymousPageRequest(request(ARTICLE, { "sec-fetch-dest": "empty" }))).toBeNull();
    expect(anonymousPageRequest(request(ARTICLE, { "sec-fetch-dest": "document" }))).not.toBeNull();
  });

  it("caches article pages only, and only GETs", () => {
    expect(anonymousPageRequest(request(ARTICLE, {}, "POST"))).toBeNull();
    expect(anonymousPageRequest(request(ARTICLE, {}, "HEAD"))).toBeNull();
    for (const path of ["/", "/status", "/articles/china-shared-future-cyberspace/feed.xml", "/articles/China", "/a/abc", "/api/annotations"]) {
      expect(anonymousPageRequest(request(`http://gloss.test${path}`))).toBeNull();
    }
  });
});
