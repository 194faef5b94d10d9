/** A message in plain text and HTML. Subjects carry no user input, so nothing can be smuggled into a header. */
export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Every interpolated value goes through this: names are whatever people typed. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

/** Inline styles only: mail clients drop stylesheets. */
function layout(paragraphs: string[], action?: { label: string; url: string }): string {
  const body = paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join("\n");
  const button = action
    ? `<p><a href="${escapeHtml(action.url)}" style="display:inline-block;padding:10px 16px;background:#1c1b19;color:#fdfcf9;border-radius:6px;text-decoration:none">${escapeHtml(action.label)}</a></p>
<p style="color:#5c5850;font-size:14px">Or paste this address into your browser: ${escapeHtml(action.url)}</p>`
    : "";
  return `<!doctype html><html><head><meta charset="utf-8"></head><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1c1b19">${body}
${button}</body></html>`;
}

export function verificationEmail({ name, url }: { name: string; url: string }): MailContent {
  const lines = [`Hello ${name},`, "Confirm your email address for Gloss by opening the link below. It works once, for 24 hours."];
  return {
    subject: "Verify your email address for Gloss",
    text: `${lines.join("\n\n")}\n\n${url}\n\nIf you didn't ask for this, ignore this email.`,
    html: layout(lines, { label: "Verify my email address", url }),
  };
}

export function passwordResetEmail({ name, url }: { name: string; url: string }): MailContent {
  const lines = [`Hello ${name},`, "Someone asked to reset your Gloss password. Open the link below to choose a new one. It works once, for one hour."];
  return {
    subject: "Reset your Gloss password",
    text: `${lines.join("\n\n")}\n\n${url}\n\nIf it wasn't you, ignore this email: your password stays as it is.`,
    html: layout(lines, { label: "Choose a new password", url }),
  };
}

/**
 * Sent to the old address once a change of address takes effect, so the owner
 * hears of a takeover. No link: the account no longer answers to this address.
 */
export function emailChangedNotice({ name, oldEmail, newEmail }: { name: string; oldEmail: string; newEmail: string }): MailContent {
  const lines = [
    `Hello ${name},`,
    `The email address of your Gloss account has changed from ${oldEmail} to ${newEmail}. If you made this change, there is nothing to do.`,
    "If you didn't, someone else may know your password: contact the people who run this Gloss site straight away, and change that password wherever else you use it.",
  ];
  return { subject: "Your Gloss email address has changed", text: lines.join("\n\n"), html: layout(lines) };
}

/** Tells an author what moderators did to their content or account, and why. */
export function moderationNoticeEmail({ name, text, url }: { name: string; text: string; url: string }): MailContent {
  const lines = [`Hello ${name},`, text, "If you think this was a mistake, reply to a moderator through the article's discussion or contact the site's admins."];
  return {
    subject: "A moderator acted on your Gloss account or content",
    text: `${lines.join("\n\n")}\n\n${url}`,
    html: layout(lines, { label: "See it on Gloss", url }),
  };
}
