import { describe, expect, it } from "vitest";
import { signCursor, verifyCursor } from "./cursor";

const secret = "test secret";
const position = { createdAt: new Date("2026-01-02T03:04:05.678Z"), id: "abc123", scope: "demo|tag=x" };

describe("pagination cursors", () => {
  it("round-trips a position", () => {
    expect(verifyCursor(signCursor(position, secret), secret, position.scope)).toEqual({ createdAt: position.createdAt, id: "abc123" });
  });

  it("refuses an edited payload", () => {
    const [, signature] = signCursor(position, secret).split(".");
    const forged = Buffer.from(JSON.stringify({ t: position.createdAt.toISOString(), i: "zzz", s: position.scope })).toString("base64url");
    expect(verifyCursor(`${forged}.${signature}`, secret, position.scope)).toBeNull();
  });

  it("refuses another secret, another scope and garbage", () => {
    const cursor = signCursor(position, secret);
    expect(verifyCursor(cursor, "other secret", position.scope)).toBeNull();
    expect(verifyCursor(cursor, secret, "other|scope")).toBeNull();
    expect(verifyCursor("nonsense", secret, position.scope)).toBeNull();
    expect(verifyCursor(`${cursor}.x`, secret, position.scope)).toBeNull();
    expect(verifyCursor(`${cursor.slice(0, -2)}AA`, secret, position.scope)).toBeNull();
  });
});
