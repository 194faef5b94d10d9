import { connect, type Socket } from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded-postgres.ts";

let embedded: EmbeddedPostgres;
let pool: pg.Pool;

beforeAll(async () => {
  embedded = await startEmbeddedPostgres();
  pool = new pg.Pool({ connectionString: embedded.url, max: 8 });
  await pool.query("CREATE TABLE counter (id int PRIMARY KEY, value int NOT NULL)");
  await pool.query("INSERT INTO counter VALUES (1, 0)");
}, 60_000);

afterAll(async () => {
  await pool?.end();
  await embedded?.stop();
});

describe("the embedded database server", () => {
  it("keeps another connection out between a Parse and its Sync", async () => {
    const raw = await RawConnection.open(embedded.url);
    // Half an extended-protocol exchange: the unnamed statement takes two parameters.
    raw.send(parse("SELECT $1::int + $2::int AS sum"), bind(["1", "2"]));

    // Another connection parses its own unnamed statement with one parameter.
    const other = pool.query("SELECT $1::text AS word", ["waited"]);
    const settled = await settlesWithin(other, 150);
    expect(settled).toBe(false);

    raw.send(execute(), sync());
    const reply = await raw.untilReady();
    expect(reply.errors).toEqual([]);
    expect(reply.rows).toEqual([["3"]]);
    expect((await other).rows).toEqual([{ word: "waited" }]);
    raw.close();
  });

  it("runs each transaction alone, so read-modify-write never loses an update", async () => {
    const increment = async () => {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const { rows } = await client.query<{ value: number }>("SELECT value FROM counter WHERE id = 1");
        await new Promise((resolve) => setTimeout(resolve, 2));
        await client.query("UPDATE counter SET value = $1 WHERE id = 1", [rows[0]!.value + 1]);
        await client.query("COMMIT");
      } finally {
        client.release();
      }
    };
    await Promise.all(Array.from({ length: 12 }, increment));
    const { rows } = await pool.query<{ value: number }>("SELECT value FROM counter WHERE id = 1");
    expect(rows[0]!.value).toBe(12);
  });

  it("rolls back what a departed connection left open and lets the others go on", async () => {
    const client = new pg.Client({ connectionString: embedded.url });
    await client.connect();
    await client.query("BEGIN");
    await client.query("INSERT INTO counter VALUES (2, 2)");
    const waiting = pool.query("SELECT count(*)::int AS n FROM counter");
    await client.end();
    expect((await waiting).rows).toEqual([{ n: 1 }]);
  });

  it("delivers NOTIFY to the connections that LISTEN, not to the one that caused it", async () => {
    const listener = new pg.Client({ connectionString: embedded.url });
    await listener.connect();
    const heard = new Promise<string | undefined>((resolve) => listener.on("notification", (message) => resolve(message.payload)));
    await listener.query("LISTEN gloss_test");

    const notifier = new pg.Client({ connectionString: embedded.url });
    await notifier.connect();
    let notifierHeard = false;
    notifier.on("notification", () => (notifierHeard = true));
    await notifier.query("SELECT pg_notify('gloss_test', 'hello')");

    expect(await heard).toBe("hello");
    expect(notifierHeard).toBe(false);
    await Promise.all([listener.end(), notifier.end()]);
  });

  it("answers an error in the middle of an exchange and stays usable", async () => {
    await expect(pool.query("SELECT $1::int", ["not a number"])).rejects.toThrow(/invalid input syntax/);
    expect((await pool.query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
  });
});

function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  return Promise.race([
    promise.then(
      () => true,
      () => true,
    ),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms)),
  ]);
}

/** A client that speaks the wire protocol by hand, to stop halfway through an exchange. */
class RawConnection {
  private buffer = Buffer.alloc(0);
  private waiter: (() => void) | null = null;

  private constructor(private readonly socket: Socket) {
    socket.on("data", (data) => {
      this.buffer = Buffer.concat([this.buffer, data]);
      this.waiter?.();
    });
  }

  static async open(url: string): Promise<RawConnection> {
    const { hostname, port } = new URL(url);
    const socket = connect(Number(port), hostname);
    await new Promise((resolve, reject) => socket.once("connect", resolve).once("error", reject));
    const connection = new RawConnection(socket);
    const params = Buffer.from("user\0postgres\0database\0postgres\0\0");
    const startup = Buffer.alloc(8 + params.length);
    startup.writeInt32BE(startup.length, 0);
    startup.writeInt32BE(196608, 4);
    params.copy(startup, 8);
    socket.write(startup);
    await connection.untilReady();
    return connection;
  }

  send(...messages: Buffer[]): void {
    this.socket.write(Buffer.concat(messages));
  }

  /** Reads backend messages up to ReadyForQuery: the DataRow values and error messages. */
  async untilReady(): Promise<{ rows: string[][]; errors: string[] }> {
    const rows: string[][] = [];
    const errors: string[] = [];
    for (;;) {
      while (this.buffer.length >= 5 && this.buffer.length >= 1 + this.buffer.readInt32BE(1)) {
        const type = String.fromCharCode(this.buffer[0]!);
        const end = 1 + this.buffer.readInt32BE(1);
        const body = this.buffer.subarray(5, end);
        this.buffer = this.buffer.subarray(end);
        if (type === "D") rows.push(readDataRow(body));
        if (type === "E") errors.push(body.toString("utf8"));
        if (type === "Z") return { rows, errors };
      }
      await new Promise<void>((resolve) => (this.waiter = resolve));
    }
  }

  close(): void {
    this.socket.end();
  }
}

function readDataRow(body: Buffer): string[] {
  const values: string[] = [];
  let offset = 2;
  for (let i = 0; i < body.readInt16BE(0); i++) {
    const length = body.readInt32BE(offset);
    offset += 4;
    values.push(body.subarray(offset, offset + length).toString("utf8"));
    offset += length;
  }
  return values;
}

function message(type: string, body: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 0);
  header.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([header, body]);
}

function cstring(text: string): Buffer {
  return Buffer.from(`${text}\0`, "utf8");
}

function int16(value: number): Buffer {
  const buffer = Buffer.alloc(2);
  buffer.writeInt16BE(value);
  return buffer;
}

function int32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeInt32BE(value);
  return buffer;
}

const parse = (sql: string) => message("P", Buffer.concat([cstring(""), cstring(sql), int16(0)]));
const bind = (values: string[]) =>
  message(
    "B",
    Buffer.concat([
      cstring(""),
      cstring(""),
      int16(0),
      int16(values.length),
      ...values.flatMap((value) => [int32(Buffer.byteLength(value)), Buffer.from(value)]),
      int16(0),
    ]),
  );
const execute = () => message("E", Buffer.concat([cstring(""), int32(0)]));
const sync = () => message("S", Buffer.alloc(0));
