import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { testDb } from "@/tests/support/database";

const recipient = `outbox-${Date.now()}@mail.test`;
const original = { SMTP_URL: process.env.SMTP_URL, MAIL_FROM: process.env.MAIL_FROM };

/** A fresh module graph, so getEnv() (read once per process) sees this test's environment. */
async function loadSendMail(smtpUrl: string | undefined) {
  vi.resetModules();
  if (smtpUrl) process.env.SMTP_URL = smtpUrl;
  else delete process.env.SMTP_URL;
  return import("./send-mail");
}

afterEach(() => {
  vi.doUnmock("./transport");
  vi.restoreAllMocks();
});

afterAll(async () => {
  for (const [name, value] of Object.entries(original)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await testDb.outboxMessage.deleteMany({ where: { to: recipient } });
  await testDb.$disconnect();
  const { getDb } = await import("@/lib/db");
  await getDb().$disconnect();
});

describe("sendMail", () => {
  it("without SMTP_URL, writes the message to the outbox and logs its first link", async () => {
    const { sendMail } = await loadSendMail(undefined);
    const log = vi.spyOn(console, "info").mockImplementation(() => undefined);
    await sendMail({ to: recipient, subject: "Verify your email", text: "Open https://gloss.test/verify-email?token=abc to confirm.\n\nThanks", html: "<p>hi</p>" });
    expect(log).toHaveBeenCalledWith(`[outbox] to=${recipient} subject="Verify your email" link=https://gloss.test/verify-email?token=abc`);

    const rows = await testDb.outboxMessage.findMany({ where: { to: recipient } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ subject: "Verify your email", html: "<p>hi</p>" });
    expect(rows[0]?.text).toContain("token=abc");
  });

  it("with SMTP_URL, sends through one transport from MAIL_FROM and writes no outbox row", async () => {
    const send = vi.fn(async () => ({}));
    const getMailTransport = vi.fn(() => ({ sendMail: send }));
    vi.doMock("./transport", () => ({ getMailTransport }));
    process.env.MAIL_FROM = "Gloss Test <mail@gloss.test>";
    const { sendMail } = await loadSendMail("smtp://mail.invalid:2525");
    await sendMail({ to: "smtp@mail.test", subject: "Hello", text: "Plain" });

    expect(getMailTransport).toHaveBeenCalledWith("smtp://mail.invalid:2525");
    expect(send).toHaveBeenCalledWith(expect.objectContaining({ from: "Gloss Test <mail@gloss.test>", to: "smtp@mail.test", subject: "Hello", text: "Plain" }));
    expect(await testDb.outboxMessage.count({ where: { to: "smtp@mail.test" } })).toBe(0);
  });
});
