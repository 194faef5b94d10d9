import { createServer, type Server, type Socket } from "node:net";
import type { PGlite } from "@electric-sql/pglite";
import {
  endsAtRest,
  listenChange,
  queryText,
  readStartupPacket,
  readTypedMessages,
  splitNotifications,
  SYNC,
  TERMINATE,
  type TypedMessage,
} from "./pglite-wire-protocol.ts";

interface Connection {
  socket: Socket;
  buffer: Buffer;
  started: boolean;
  listening: boolean;
  closed: boolean;
}

interface Job {
  connection: Connection;
  /** Whole messages from one connection, in the order it sent them. */
  messages: Uint8Array[];
  /** The startup message, which PGlite must see on its own. */
  isStartup: boolean;
}

const SYNC_MESSAGE = new Uint8Array([SYNC, 0, 0, 0, 4]);

/**
 * Serves one PGlite database over the PostgreSQL wire protocol to many client
 * connections. PGlite has a single session, so connections take turns: the one
 * that starts an exchange keeps the session until the database is at rest again
 * (its answer ends with ReadyForQuery and no transaction is open). Others wait,
 * which makes every transaction run alone, as if serializable. Without this,
 * one pool connection's Parse could replace another's unnamed statement between
 * its Parse and its Bind, and transactions would see each other's statements.
 *
 * Session state (SET, prepared statement names, LISTEN) is still shared by all
 * connections; Gloss sets none of it except LISTEN, whose notifications are
 * handed to the connections that listen instead of the one that caused them.
 */
export class PGliteSessionServer {
  private readonly server: Server;
  private readonly connections = new Set<Connection>();
  private queue: Job[] = [];
  private owner: Connection | null = null;
  /** A connection that left mid-exchange: the session must be reset before anyone else runs. */
  private abandoned = false;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly db: PGlite,
    private readonly options: { host: string; port: number; maxConnections?: number },
  ) {
    this.server = createServer((socket) => this.accept(socket));
    this.server.maxConnections = options.maxConnections ?? 100;
  }

  start(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(this.options.port, this.options.host, () => {
        this.server.off("error", reject);
        resolve();
      });
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const connection of this.connections) connection.socket.destroy();
    this.queue = [];
    await this.running;
    await closed;
  }

  private accept(socket: Socket): void {
    socket.setNoDelay(true);
    const connection: Connection = {
      socket,
      buffer: Buffer.alloc(0),
      started: false,
      listening: false,
      closed: false,
    };
    this.connections.add(connection);
    socket.on("data", (data) => {
      try {
        this.receive(connection, data);
      } catch {
        // Bytes that are not the PostgreSQL protocol: this client is gone.
        socket.destroy();
      }
    });
    socket.on("error", () => socket.destroy());
    socket.on("close", () => this.drop(connection));
  }

  private receive(connection: Connection, data: Buffer): void {
    connection.buffer = connection.buffer.length ? Buffer.concat([connection.buffer, data]) : data;
    while (!connection.started) {
      const read = readStartupPacket(connection.buffer);
      if (!read) return;
      connection.buffer = read.rest;
      const { packet } = read;
      if (packet.kind === "ssl" || packet.kind === "gssenc") {
        connection.socket.write("N");
      } else if (packet.kind === "cancel") {
        // PGlite has no other backend to interrupt; the protocol expects no answer.
        connection.socket.end();
        return;
      } else {
        connection.started = true;
        this.enqueue({ connection, messages: [packet.bytes], isStartup: true });
      }
    }
    const { messages, rest } = readTypedMessages(connection.buffer);
    connection.buffer = rest;
    const forwarded: TypedMessage[] = [];
    for (const message of messages) {
      if (message.type === TERMINATE) {
        connection.socket.end();
        break;
      }
      const change = listenChange(queryText(message));
      if (change) connection.listening = change === "listen";
      forwarded.push(message);
    }
    if (forwarded.length > 0) this.enqueue({ connection, messages: forwarded.map((message) => message.bytes), isStartup: false });
  }

  private enqueue(job: Job): void {
    this.queue.push(job);
    this.pump();
  }

  private drop(connection: Connection): void {
    if (connection.closed) return;
    connection.closed = true;
    this.connections.delete(connection);
    this.queue = this.queue.filter((job) => job.connection !== connection);
    if (this.owner === connection) {
      this.owner = null;
      this.abandoned = true;
    }
    this.pump();
  }

  private pump(): void {
    if (this.running || this.stopped) return;
    const job = this.takeNext();
    if (!job && !this.abandoned) return;
    this.running = (job ? this.run(job) : this.reset()).finally(() => {
      this.running = null;
      this.pump();
    });
  }

  /** The owner's next messages, all of them already sent, as one batch; or the oldest job when nobody owns the session. */
  private takeNext(): Job | null {
    if (this.abandoned) return null;
    const owner = this.owner ?? this.queue[0]?.connection;
    if (!owner) return null;
    const pending = this.queue.filter((job) => job.connection === owner);
    if (pending.length === 0) return null;
    // The startup message goes alone; typed messages sent so far go together.
    const mine = pending[0]!.isStartup ? [pending[0]!] : pending.filter((job) => !job.isStartup);
    this.queue = this.queue.filter((job) => !mine.includes(job));
    return { connection: owner, messages: mine.flatMap((job) => job.messages), isStartup: mine[0]!.isStartup };
  }

  private async run(job: Job): Promise<void> {
    const { connection } = job;
    const chunks: Uint8Array[] = [];
    try {
      await this.db.runExclusive(() =>
        this.db.execProtocolRawStream(concat(job.messages), {
          onRawData: (data) => chunks.push(data.slice()),
        }),
      );
    } catch (error) {
      console.error("embedded database: a statement failed outside PostgreSQL's own error handling", error);
      connection.socket.destroy();
      this.owner = null;
      this.abandoned = true;
      return;
    }
    const { reply, notifications } = splitNotifications(concat(chunks));
    const atRest = endsAtRest(reply);
    this.owner = atRest || connection.closed ? null : connection;
    if (connection.closed && !atRest) this.abandoned = true;

    if (!connection.closed && reply.length > 0) connection.socket.write(reply);
    this.notify(notifications);
  }

  private notify(notifications: Uint8Array[]): void {
    if (notifications.length === 0) return;
    for (const listener of this.connections) {
      if (!listener.listening || listener.closed) continue;
      for (const notification of notifications) listener.socket.write(notification);
    }
  }

  /** Ends whatever exchange a departed connection left open, so the next one starts clean. */
  private async reset(): Promise<void> {
    this.abandoned = false;
    try {
      await this.db.runExclusive(async () => {
        await this.db.execProtocolRawStream(SYNC_MESSAGE, { onRawData: () => undefined });
        if (this.db.isInTransaction()) {
          await this.db.execProtocolRawStream(simpleQuery("ROLLBACK"), { onRawData: () => undefined });
        }
      });
    } catch (error) {
      console.error("embedded database: could not reset the session after a client left", error);
    }
  }
}

function simpleQuery(sql: string): Uint8Array {
  const text = Buffer.from(`${sql}\0`, "utf8");
  const message = Buffer.alloc(5 + text.length);
  message[0] = 0x51;
  message.writeInt32BE(4 + text.length, 1);
  text.copy(message, 5);
  return message;
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  return Buffer.concat(parts);
}
