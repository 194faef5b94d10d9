import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { isDevOutboxEnabled } from "@/lib/mail/send-mail";

export const metadata: Metadata = { title: "Dev outbox", robots: { index: false } };

const toSchema = z.email().max(254).optional().catch(undefined);
const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

/** Plain text with its http(s) links made clickable, as React elements (no HTML injection). */
function Linkified({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s<>"]+)/g);
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <a key={index} href={part} className="break-all font-medium text-[var(--color-accent-strong)] underline underline-offset-2">
            {part}
          </a>
        ) : (
          <span key={index}>{part}</span>
        ),
      )}
    </>
  );
}

/** Mail Gloss would have sent, while no SMTP server is configured. Absent in production. */
export default async function DevOutboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  if (!isDevOutboxEnabled()) notFound();
  const to = toSchema.parse((await searchParams).to);
  const messages = await getDb().outboxMessage.findMany({
    where: to ? { to: to.toLowerCase() } : {},
    orderBy: { createdAt: "desc" },
    take: 50,
  });
  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <h1 className="font-serif text-3xl font-semibold tracking-tight">Dev outbox</h1>
      <p className="mt-2 leading-relaxed text-[var(--color-muted)]">
        No SMTP server is configured (SMTP_URL), so emails land here. This page does not exist in production.
      </p>
      <form className="mt-6 flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1">
          <label htmlFor="outbox-to" className="block text-sm font-medium">
            Recipient
          </label>
          <input id="outbox-to" name="to" type="email" defaultValue={to ?? ""} className="mt-1.5 block min-h-11 w-full rounded-md border border-[var(--color-rule)] bg-transparent px-3 py-2" />
        </div>
        <button type="submit" className="min-h-11 rounded-md border border-[var(--color-rule)] px-4 py-2 font-medium">
          Filter
        </button>
      </form>
      {messages.length === 0 ? (
        <p className="mt-8">No messages{to ? ` to ${to}` : ""}.</p>
      ) : (
        <ol className="mt-8 space-y-6">
          {messages.map((message) => (
            <li key={message.id} className="rounded-md border border-[var(--color-rule)] p-4">
              <article aria-labelledby={`mail-${message.id}`}>
                <h2 id={`mail-${message.id}`} className="font-semibold">
                  {message.subject}
                </h2>
                <p className="mt-1 text-sm text-[var(--color-muted)]">
                  To {message.to} · {dateTime.format(message.createdAt)} UTC
                </p>
                <div className="mt-3 whitespace-pre-wrap leading-relaxed">
                  <Linkified text={message.text} />
                </div>
              </article>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
