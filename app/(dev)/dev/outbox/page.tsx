import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { getDb } from "@/lib/db";
import { isDevOutboxEnabled } from "@/lib/mail/send-mail";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("devOutbox");
  return { title: t("metaTitle"), robots: { index: false, follow: false } };
}

const recipientSchema = z.email().max(254);

/** An http(s) URL, without the punctuation that usually ends the sentence around it. */
const URL_PATTERN = /(https?:\/\/[^\s<>"]*[^\s<>".,;:!?)\]'])/;

/** Plain text with its links made clickable as React elements, so nothing in a message is parsed as HTML. */
function LinkifiedText({ text }: { text: string }) {
  // split() with one capture group puts the URLs at the odd indexes.
  const parts = text.split(URL_PATTERN);
  return parts.map((part, index) =>
    index % 2 === 1 ? (
      <a key={index} href={part} className="break-all font-medium text-[var(--color-accent-strong)] underline underline-offset-2">
        {part}
      </a>
    ) : (
      part
    ),
  );
}

/** Mail Gloss would have sent, while no SMTP server is configured. Absent in production. */
export default async function DevOutboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // Per request: the environment and the table are read when the page is opened, never at build time.
  await connection();
  if (!isDevOutboxEnabled()) notFound();

  const [t, format] = await Promise.all([getTranslations("devOutbox"), getFormatter()]);
  const rawTo = (await searchParams).to;
  const parsed = typeof rawTo === "string" && rawTo.trim() !== "" ? recipientSchema.safeParse(rawTo.trim()) : undefined;
  const to = parsed?.success ? parsed.data : undefined;
  const toError = parsed && !parsed.success ? t("recipientError") : undefined;

  const messages = await getDb().outboxMessage.findMany({
    where: to ? { to: { equals: to, mode: "insensitive" } } : {},
    orderBy: { createdAt: "desc" },
    take: 50,
  });

  return (
    <div className="mx-auto max-w-[68ch] px-4 py-10 sm:px-6 sm:py-14">
      <h1 className="font-serif text-3xl font-semibold tracking-tight sm:text-4xl">{t("title")}</h1>
      <p className="mt-3 leading-relaxed text-[var(--color-muted)]">
        {t("intro")}
      </p>
      <form className="mt-6 flex flex-wrap items-end gap-2">
        <TextField id="outbox-to" name="to" type="email" label={t("recipient")} defaultValue={typeof rawTo === "string" ? rawTo : ""} error={toError} className="min-w-0 flex-1" />
        <Button type="submit" variant="secondary">
          {t("filter")}
        </Button>
      </form>
      {messages.length === 0 ? (
        <p className="mt-8">{to ? t("noneTo", { to }) : t("none")}</p>
      ) : (
        <ol className="mt-8 divide-y divide-[var(--color-rule)] border-y border-[var(--color-rule)]">
          {messages.map((message) => (
            <li key={message.id} className="py-5">
              <article aria-labelledby={`mail-${message.id}`}>
                <h2 id={`mail-${message.id}`} className="font-semibold leading-snug">
                  {message.subject}
                </h2>
                <p className="mt-1 text-sm text-[var(--color-muted)]">
                  {t("meta", { to: message.to })}
                  <time dateTime={message.createdAt.toISOString()}>{format.dateTime(message.createdAt, { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" })} UTC</time>
                </p>
                <div className="mt-3 whitespace-pre-wrap break-words leading-relaxed">
                  <LinkifiedText text={message.text} />
                </div>
              </article>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
