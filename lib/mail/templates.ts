/** A message in plain text and HTML. */
export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[character]!);
}

function layout(paragraphs: string[], action: { label: string; url: string }): string {
  const body = paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join("\n");
  const url = escapeHtml(action.url);
  return `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1c1b19">${body}
<p><a href="${url}" style="display:inline-block;padding:10px 16px;background:#1c1b19;color:#fdfcf9;border-radius:6px;text-decoration:none">${escapeHtml(action.label)}</a></p>
<p style="color:#5c5850;font-size:14px">Or paste this address into your browser: ${url}</p></body></html>`;
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
