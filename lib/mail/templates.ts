/** A message in plain text and HTML. Subjects carry no user input, so nothing can be smuggled into a header. */
export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

/**
 * Words for the "emails" messages in one language: getTranslations("emails")
 * per request, or createTranslator in tests. Templates stay pure functions.
 */
export type EmailTranslator = (key: string, values?: Record<string, string>) => string;

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Every interpolated value goes through this: names are whatever people typed. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

/** Inline styles only: mail clients drop stylesheets. */
function layout(t: EmailTranslator, paragraphs: string[], action?: { label: string; url: string }): string {
  const body = paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join("\n");
  const button = action
    ? `<p><a href="${escapeHtml(action.url)}" style="display:inline-block;padding:10px 16px;background:#1c1b19;color:#fdfcf9;border-radius:6px;text-decoration:none">${escapeHtml(action.label)}</a></p>
<p style="color:#5c5850;font-size:14px">${escapeHtml(t("orPaste", { url: action.url }))}</p>`
    : "";
  return `<!doctype html><html><head><meta charset="utf-8"></head><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1c1b19">${body}
${button}</body></html>`;
}

export function verificationEmail(t: EmailTranslator, { name, url }: { name: string; url: string }): MailContent {
  const lines = [t("hello", { name }), t("verify.body")];
  return {
    subject: t("verify.subject"),
    text: `${lines.join("\n\n")}\n\n${url}\n\n${t("verify.ignore")}`,
    html: layout(t, lines, { label: t("verify.action"), url }),
  };
}

export function passwordResetEmail(t: EmailTranslator, { name, url }: { name: string; url: string }): MailContent {
  const lines = [t("hello", { name }), t("reset.body")];
  return {
    subject: t("reset.subject"),
    text: `${lines.join("\n\n")}\n\n${url}\n\n${t("reset.ignore")}`,
    html: layout(t, lines, { label: t("reset.action"), url }),
  };
}

/**
 * Sent to the old address once a change of address takes effect, so the owner
 * hears of a takeover. No link: the account no longer answers to this address.
 */
export function emailChangedNotice(t: EmailTranslator, { name, oldEmail, newEmail }: { name: string; oldEmail: string; newEmail: string }): MailContent {
  const lines = [t("hello", { name }), t("emailChanged.body", { oldEmail, newEmail }), t("emailChanged.warning")];
  return { subject: t("emailChanged.subject"), text: lines.join("\n\n"), html: layout(t, lines) };
}

/** Tells an author what moderators did to their content or account, and why. */
export function moderationNoticeEmail(t: EmailTranslator, { name, text, url }: { name: string; text: string; url: string }): MailContent {
  const lines = [t("hello", { name }), text, t("moderation.appeal")];
  return {
    subject: t("moderation.subject"),
    text: `${lines.join("\n\n")}\n\n${url}`,
    html: layout(t, lines, { label: t("moderation.action"), url }),
  };
}
