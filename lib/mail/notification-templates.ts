import { escapeHtml, type MailContent } from "./templates";

function html(paragraphs: string[], links: Array<{ label: string; url: string }>): string {
  const body = paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join("\n");
  const list = links.map((link) => `<li><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a></li>`).join("\n");
  return `<!doctype html><html><head><meta charset="utf-8"></head><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1c1b19">${body}
<ul>${list}</ul></body></html>`;
}

/** One notification, sent as it happens. The subject carries no user input. */
export function notificationEmail({ name, sentence, url, settingsUrl }: { name: string; sentence: string; url: string; settingsUrl: string }): MailContent {
  const lines = [`Hello ${name},`, sentence, `Choose which emails you get: ${settingsUrl}`];
  return { subject: "New activity on Gloss", text: `${lines.join("\n\n")}\n\n${url}`, html: html(lines.slice(0, 2), [{ label: "See it on Gloss", url }, { label: "Email settings", url: settingsUrl }]) };
}

/** Everything since the last digest, one line and link each. */
export function digestEmail({ name, items, settingsUrl }: { name: string; items: Array<{ sentence: string; url: string }>; settingsUrl: string }): MailContent {
  const intro = `Hello ${name}, here is what happened on Gloss since your last digest (${items.length}).`;
  const text = [intro, ...items.map((item) => `- ${item.sentence}\n  ${item.url}`), `Choose which emails you get: ${settingsUrl}`].join("\n\n");
  return { subject: "Your Gloss digest", text, html: html([intro], [...items.map((item) => ({ label: item.sentence, url: item.url })), { label: "Email settings", url: settingsUrl }]) };
}
