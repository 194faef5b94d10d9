/**
 * Rendered article pages for readers who are not signed in, kept for a few
 * seconds, in the manner of Discourse's anonymous cache. When a link to an
 * article spreads, almost every request is anonymous and asks for the same
 * page; rendering it once per key and interval instead of once per request is
 * what keeps the server answering. Signed-in readers always get a fresh render.
 *
 * It holds derived data only: each instance keeps its own, a miss just renders,
 * and nothing is lost or wrong when instances differ. A page is at most `ttlMs`
 * old; its live stream starts at the event it was rendered at, so a reader still
 * receives everything that happened since.
 */

export interface CachedPage {
  status: number;
  /** Headers worth replaying (content type, caching, vary, links). */
  headers: Array<[string, string]>;
  body: string;
  /** The CSP nonce the page was rendered with; every serving swaps in a fresh one. */
  nonce: string;
}

/** A render's answer, and whether it may be kept for others (only a plain 200 page is). */
export interface Rendered {
  page: CachedPage;
  keep: boolean;
}

interface Entry {
  page: CachedPage;
  storedAt: number;
  size: number;
}

export interface AnonymousPageCacheOptions {
  ttlMs: number;
  /** Upper bound on the characters held (bodies dominate); the oldest entries go first. */
  maxCharacters: number;
  now?: () => number;
}

export class AnonymousPageCache {
  private readonly entries = new Map<string, Entry>();
  private readonly rendering = new Map<string, Promise<CachedPage | null>>();
  private characters = 0;
  private readonly now: () => number;

  constructor(private readonly options: AnonymousPageCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  /**
   * The page for `key`: from the cache while fresh, else from `render`. Requests
   * that miss together share one render, so a burst costs one render, not one
   * each, even of a page that is not kept (a 404 answers everyone waiting, but
   * only a plain 200 page is stored). `render` answers null for an answer that
   * must not be shared at all (one that sets a cookie) or fails; then every
   * waiter renders for itself.
   */
  async get(key: string, render: () => Promise<Rendered | null>): Promise<{ page: CachedPage | null; hit: boolean }> {
    const entry = this.entries.get(key);
    if (entry && this.now() - entry.storedAt < this.options.ttlMs) return { page: entry.page, hit: true };
    if (entry) this.remove(key);
    let pending = this.rendering.get(key);
    if (!pending) {
      pending = render()
        .catch(() => null)
        .then((rendered) => {
          if (rendered?.keep) this.store(key, rendered.page);
          return rendered?.page ?? null;
        })
        .finally(() => this.rendering.delete(key));
      this.rendering.set(key, pending);
    }
    return { page: await pending, hit: false };
  }

  get size(): number {
    return this.entries.size;
  }

  private store(key: string, page: CachedPage): void {
    const size = page.body.length + key.length;
    if (size > this.options.maxCharacters) return;
    this.remove(key);
    this.entries.set(key, { page, storedAt: this.now(), size });
    this.characters += size;
    // Map order is insertion order: the first entries are the oldest.
    for (const oldKey of this.entries.keys()) {
      if (this.characters <= this.options.maxCharacters) break;
      this.remove(oldKey);
    }
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.characters -= entry.size;
  }
}

/** The same page with another nonce: in the body's script and style tags, and in any replayed header. */
export function withNonce(page: CachedPage, nonce: string): { body: string; headers: Array<[string, string]> } {
  return {
    body: page.body.replaceAll(page.nonce, nonce),
    headers: page.headers.map(([name, value]) => [name, value.replaceAll(page.nonce, nonce)]),
  };
}

/** The nonce a CSP header grants scripts, or null. */
export function nonceOf(contentSecurityPolicy: string | null): string | null {
  return contentSecurityPolicy?.match(/'nonce-([A-Za-z0-9+/=_-]{16,})'/)?.[1] ?? null;
}
