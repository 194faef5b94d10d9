import { describe, expect, it } from "vitest";
import { endsAtRest, listenChange, readStartupPacket, readTypedMessages, splitNotifications } from "./pglite-wire-protocol";

function message(type: string, body: string | Buffer = ""): Buffer {
  const payload = typeof body === "string" ? Buffer.from(body) : body;
  const header = Buffer.alloc(5);
  header.write(type, 0);
  header.writeInt32BE(4 + payload.length, 1);
  return Buffer.concat([header, payload]);
}

describe("the wire protocol framing", () => {
  it("cuts whole typed messages and keeps a partial one for later", () => {
    const bytes = Buffer.concat([message("P", "abc"), message("S"), message("Q", "SELECT 1\0").subarray(0, 7)]);
    const { messages, rest } = readTypedMessages(bytes);
    expect(messages.map((m) => String.fromCharCode(m.type))).toEqual(["P", "S"]);
    expect(rest.length).toBe(7);
  });

  it("tells an SSL request from a startup message, and waits for the rest of one", () => {
    const ssl = Buffer.alloc(8);
    ssl.writeInt32BE(8, 0);
    ssl.writeInt32BE(80877103, 4);
    expect(readStartupPacket(ssl)?.packet.kind).toBe("ssl");
    const startup = Buffer.alloc(20);
    startup.writeInt32BE(20, 0);
    startup.writeInt32BE(196608, 4);
    expect(readStartupPacket(startup.subarray(0, 12))).toBeNull();
    expect(readStartupPacket(startup)?.packet.kind).toBe("startup");
  });

  it("is at rest only after ReadyForQuery with no transaction open", () => {
    const ready = (status: string) => message("Z", status);
    expect(endsAtRest(Buffer.concat([message("C", "INSERT 0 1\0"), ready("I")]))).toBe(true);
    expect(endsAtRest(Buffer.concat([message("C", "BEGIN\0"), ready("T")]))).toBe(false);
    expect(endsAtRest(ready("E"))).toBe(false);
    // Parse and Bind answered, Sync not yet sent: the exchange goes on.
    expect(endsAtRest(Buffer.concat([message("1"), message("2")]))).toBe(false);
    expect(endsAtRest(new Uint8Array(0))).toBe(false);
  });

  it("takes notifications out of a reply, leaving the rest in order", () => {
    const reply = Buffer.concat([message("C", "SELECT 1\0"), message("A", "note"), message("Z", "I")]);
    const { reply: rest, notifications } = splitNotifications(reply);
    expect(Buffer.from(rest)).toEqual(Buffer.concat([message("C", "SELECT 1\0"), message("Z", "I")]));
    expect(notifications.map((n) => Buffer.from(n))).toEqual([message("A", "note")]);
  });

  it("notices LISTEN and UNLISTEN", () => {
    expect(listenChange("  listen gloss_live")).toBe("listen");
    expect(listenChange("UNLISTEN *")).toBe("unlisten");
    expect(listenChange("SELECT 1")).toBeNull();
  });
});
