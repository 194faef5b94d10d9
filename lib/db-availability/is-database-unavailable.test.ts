import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./is-database-unavailable";

describe("isDatabaseUnavailable", () => {
  it("recognises Prisma's unreachable-server error with its wrapped adapter cause", () => {
    const error = Object.assign(new Error("Can't reach database server at 127.0.0.1:1"), {
      code: "P1001",
      meta: { driverAdapterError: { name: "DriverAdapterError", cause: { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 1 } } },
    });
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it("recognises a restart seen from node-postgres and PostgreSQL", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    // A pooled client whose socket died mid-restart, reused by the adapter before the pool dropped it.
    expect(isDatabaseUnavailable(new Error("Client has encountered a connection error and is not queryable"))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("wrapped", { cause: { kind: "postgres", code: "57P03" } }))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([Object.assign(new Error("x"), { code: "ECONNREFUSED" })]))).toBe(true);
  });

  it("leaves bugs and refused writes alone", () => {
    expect(isDatabaseUnavailable(new Error("Cannot read properties of undefined"))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("Unique constraint failed"), { code: "P2002" }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("x"), { code: "23505" }))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable("P1001")).toBe(false);
  });
});
