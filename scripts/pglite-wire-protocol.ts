/**
 * Framing of the PostgreSQL wire protocol (v3), just enough for the embedded
 * server to cut a byte stream into whole messages and find the points where a
 * connection's exchange with the database is complete. Pure, so it is unit-tested.
 */

export const SSL_REQUEST_CODE = 80877103;
export const GSSENC_REQUEST_CODE = 80877104;
export const CANCEL_REQUEST_CODE = 80877102;

/** Frontend message types this server looks at. */
export const QUERY = 0x51; // 'Q'
export const SYNC = 0x53; // 'S'
export const TERMINATE = 0x58; // 'X'
/** Backend NotificationResponse. */
export const NOTIFICATION = 0x41; // 'A'

export type StartupPacket =
  | { kind: "ssl" | "gssenc" | "cancel"; bytes: Uint8Array }
  | { kind: "startup"; bytes: Uint8Array };

/**
 * The first packets of a connection have no type byte: an SSL or GSS
 * encryption request, a cancel request, or the startup message.
 * Returns null while the packet is incomplete.
 */
export function readStartupPacket(buffer: Buffer): { packet: StartupPacket; rest: Buffer } | null {
  if (buffer.length < 8) return null;
  const length = buffer.readInt32BE(0);
  if (length < 8) throw new Error(`invalid startup packet length ${length}`);
  if (buffer.length < length) return null;
  const code = buffer.readInt32BE(4);
  const bytes = new Uint8Array(buffer.subarray(0, length));
  const rest = buffer.subarray(length);
  if (code === SSL_REQUEST_CODE) return { packet: { kind: "ssl", bytes }, rest };
  if (code === GSSENC_REQUEST_CODE) return { packet: { kind: "gssenc", bytes }, rest };
  if (code === CANCEL_REQUEST_CODE) return { packet: { kind: "cancel", bytes }, rest };
  return { packet: { kind: "startup", bytes }, rest };
}

export interface TypedMessage {
  type: number;
  bytes: Uint8Array;
}

/** Splits typed messages (a type byte, then an int32 length that counts itself) off the front of a buffer. */
export function readTypedMessages(buffer: Buffer): { messages: TypedMessage[]; rest: Buffer } {
  const messages: TypedMessage[] = [];
  let offset = 0;
  while (buffer.length - offset >= 5) {
    const length = buffer.readInt32BE(offset + 1);
    if (length < 4) throw new Error(`invalid message length ${length}`);
    const end = offset + 1 + length;
    if (end > buffer.length) break;
    messages.push({ type: buffer[offset]!, bytes: new Uint8Array(buffer.subarray(offset, end)) });
    offset = end;
  }
  return { messages, rest: buffer.subarray(offset) };
}

/** Backend ReadyForQuery, and its transaction status for "idle, no transaction open". */
const READY_FOR_QUERY = 0x5a; // 'Z'
const IDLE = 0x49; // 'I'

/**
 * Whether a backend response leaves the session at rest: it ends with
 * ReadyForQuery and no transaction is open. Until then the exchange is not
 * over: between a Parse and its Sync the unnamed statement and portal belong
 * to it, a COPY waits for its data, and an open (or failed) transaction waits
 * for its COMMIT or ROLLBACK, so nobody else may run statements in between.
 */
export function endsAtRest(reply: Uint8Array): boolean {
  const at = reply.length - 6;
  if (at < 0 || reply[at] !== READY_FOR_QUERY || reply[reply.length - 1] !== IDLE) return false;
  return Buffer.from(reply.buffer, reply.byteOffset + at + 1, 4).readInt32BE(0) === 5;
}

/** The SQL text of a simple Query message. */
export function queryText(message: TypedMessage): string {
  if (message.type !== QUERY) return "";
  return Buffer.from(message.bytes.subarray(5)).toString("utf8").replace(/\0$/, "");
}

/** Whether a simple query starts listening (LISTEN x) or stops (UNLISTEN). */
export function listenChange(sql: string): "listen" | "unlisten" | null {
  const statement = sql.trimStart().slice(0, 10).toUpperCase();
  if (statement.startsWith("LISTEN")) return "listen";
  if (statement.startsWith("UNLISTEN")) return "unlisten";
  return null;
}

/**
 * Separates asynchronous NotificationResponse messages from the rest of a
 * backend response, so they can be delivered to the connections that listen
 * rather than to whichever connection's statement happened to produce them.
 */
export function splitNotifications(output: Uint8Array): { reply: Uint8Array; notifications: Uint8Array[] } {
  const notifications: Uint8Array[] = [];
  const kept: Uint8Array[] = [];
  const view = Buffer.from(output.buffer, output.byteOffset, output.byteLength);
  let offset = 0;
  let keptFrom = 0;
  while (view.length - offset >= 5) {
    const end = offset + 1 + view.readInt32BE(offset + 1);
    if (end > view.length) break;
    if (view[offset] === NOTIFICATION) {
      if (offset > keptFrom) kept.push(output.subarray(keptFrom, offset));
      notifications.push(output.slice(offset, end));
      keptFrom = end;
    }
    offset = end;
  }
  if (notifications.length === 0) return { reply: output, notifications };
  if (keptFrom < output.length) kept.push(output.subarray(keptFrom));
  return { reply: Buffer.concat(kept), notifications };
}
