import { describe, expect, it } from "vitest";
import { AnonymousPageCache, nonceOf, withNonce, type CachedPage, type Rendered } from "./anonymous-page-cache";

function page(body: string, nonce = "bm9uY2Utb2YtdGhlLXJlbmRlcg=="): CachedPage {
  return { status: 200, headers: [["content-type", "text/html; charset=utf-8"]], body, nonce };
}

const kept = (body: string) => ({ page: page(body), keep: true });

function clock() {
  let now = 1_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("AnonymousPageCache", () => {
  it("serves a stored page until it is ttl old, then renders again", async () => {
    const time = clock();
    const cache = new AnonymousPageCache({ ttlMs: 2_000, maxCharacters: 1_000_000, now: time.now });
    let renders = 0;
    const render = async () => kept(`render ${++renders}`);
    expect(await cache.get("a", render)).toEqual({ page: page("render 1"), hit: false });
    time.advance(1_999);
    expect(await cache.get("a", render)).toEqual({ page: page("render 1"), hit: true });
    time.advance(1);
    expect(await cache.get("a", render)).toEqual({ page: page("render 2"), hit: false });
    expect(renders).toBe(2);
  });

  it("keeps keys apart", async () => {
    const cache = new AnonymousPageCache({ ttlMs: 2_000, maxCharacters: 1_000_000 });
    await cache.get("en", async () => kept("English"));
    await cache.get("zh-CN", async () => kept("中文"));
    expect((await cache.get("en", async () => kept("again"))).page?.body).toBe("English");
    expect((await cache.get("zh-CN", async () => kept("again"))).page?.body).toBe("中文");
  });

  it("lets requests that miss together share one render", async () => {
    const cache = new AnonymousPageCache({ ttlMs: 2_000, maxCharacters: 1_000_000 });
    let renders = 0;
    let finish: (value: Rendered) => void = () => {};
    const render = () => {
      renders++;
      return new Promise<Rendered>((resolve) => (finish = resolve));
    };
    const waiting = Array.from({ length: 10 }, () => cache.get("a", render));
    finish(kept("shared"));
    const results = await Promise.all(waiting);
    expect(renders).toBe(1);
    expect(results.every((result) => result.page?.body === "shared" && !result.hit)).toBe(true);
  });

  it("keeps nothing when the render declines or fails, and tries again next time", async () => {
    const cache = new AnonymousPageCache({ ttlMs: 2_000, maxCharacters: 1_000_000 });
    expect(await cache.get("a", async () => null)).toEqual({ page: null, hit: false });
    expect(await cache.get("a", async () => Promise.reject(new Error("connection refused")))).toEqual({ page: null, hit: false });
    expect(await cache.get("a", async () => kept("now"))).toEqual({ page: page("now"), hit: false });
    expect(cache.size).toBe(1);
  });

  it("shares an answer it does not keep (a 404) with the requests waiting for it, and no later ones", async () => {
    const cache = new AnonymousPageCache({ ttlMs: 2_000, maxCharacters: 1_000_000 });
    let renders = 0;
    const notFound = async () => ({ page: { ...page(`not found ${++renders}`), status: 404 }, keep: false });
    const together = await Promise.all([cache.get("gone", notFound), cache.get("gone", notFound)]);
    expect(together.map((result) => result.page?.status)).toEqual([404, 404]);
    expect(renders).toBe(1);
    expect((await cache.get("gone", notFound)).page?.body).toBe("not found 2");
    expect(cache.size).toBe(0);
  });

  it("drops the oldest pages beyond its size bound, and never keeps one bigger than the bound", async () => {
    const cache = new AnonymousPageCache({ ttlMs: 60_000, maxCharacters: 25 });
    await cache.get("a", async () => kept("0123456789"));
    await cache.get("b", async () => kept("0123456789"));
    await cache.get("c", async () => kept("0123456789"));
    expect(cache.size).toBe(2);
    expect((await cache.get("a", async () => kept("fresh a"))).hit).toBe(false);
    await cache.get("huge", async () => kept("x".repeat(100)));
    expect((await cache.get("huge", async () => kept("y"))).page?.body).toBe("y");
  });
});

describe("withNonce", () => {
  it("replaces every occurrence of the rendered nonce, in the body and in replayed headers", () => {
    const old = "T2xkTm9uY2VPZlRoZVJlbmRlcg==";
    const cached: CachedPage = {
      status: 200,
      headers: [["link", `</_next/static/a.css>; rel=preload; nonce="${old}"`]],
      body: `<script nonce="${old}">1</script><style nonce="${old}"></style><script>self.__next_f.push([1,"{\\"nonce\\":\\"${old}\\"}"])</script>`,
      nonce: old,
    };
    const fresh = withNonce(cached, "RnJlc2hOb25jZUZvclRoaXNSZXE=");
    expect(fresh.body).not.toContain(old);
    expect(fresh.body.match(/RnJlc2hOb25jZUZvclRoaXNSZXE=/g)).toHaveLength(3);
    expect(fresh.headers[0]![1]).toContain("RnJlc2hOb25jZUZvclRoaXNSZXE=");
    expect(cached.body).toContain(old);
  });
});

describe("nonceOf", () => {
  it("reads the script nonce from a CSP header", () => {
    expect(nonceOf("default-src 'self'; script-src 'self' 'nonce-YWJjZGVmZ2hpamtsbW5vcA==' 'strict-dynamic'")).toBe("YWJjZGVmZ2hpamtsbW5vcA==");
  });

  it("is null without a header or a nonce, or with one too short to be unique", () => {
    expect(nonceOf(null)).toBeNull();
    expect(nonceOf("default-src 'self'")).toBeNull();
    expect(nonceOf("script-src 'nonce-abc'")).toBeNull();
  });
});
