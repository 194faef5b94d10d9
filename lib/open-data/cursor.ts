import { createHmac, timingSafeEqual } from "node:crypto";

/** Where the next page starts: after this (createdAt, id) in ascending order. */
export interface CursorPosition {
  createdAt: Date;
  id: string;
  /** What the cursor was issued for (an article and its filters): it is refused anywhere else. */
  scope: string;
}

function sign(payload: string, secret: string): Buffer {
  return createHmac("sha256", secret).update(`gloss-cursor:${payload}`).digest();
}

/** An opaque cursor: the position in base64url, then its HMAC. Clients cannot forge or edit it. */
export function signCursor(position: CursorPosition, secret: string): string {
  const payload = Buffer.from(JSON.stringify({ t: position.createdAt.toISOString(), i: position.id, s: position.scope })).toString("base64url");
  return `${payload}.${sign(payload, secret).toString("base64url")}`;
}

/** The position a cursor names, or null when it was altered, forged, malformed or issued for another scope. */
export function verifyCursor(cursor: string, secret: string, scope: string): Omit<CursorPosition, "scope"> | null {
  const [payload, signature, extra] = cursor.split(".");
  if (!payload || !signature || extra !== undefined) return null;
  const expected = sign(payload, secret);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const decoded: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    if (!decoded || typeof decoded !== "object") return null;
    const { t, i, s } = decoded as Record<string, unknown>;
    if (typeof t !== "string" || typeof i !== "string" || s !== scope) return null;
    const createdAt = new Date(t);
    return Number.isNaN(createdAt.getTime()) ? null : { createdAt, id: i };
  } catch {
    return null;
  }
}
