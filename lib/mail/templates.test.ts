import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import emails from "@/messages/en/emails.json";
import { emailChangedNotice, escapeHtml, passwordResetEmail, verificationEmail, type EmailTranslator } from "./templates";

const t = createTranslator({ locale: "en", messages: { emails }, namespace: "emails" }) as unknown as EmailTranslator;

const hostileName = `<script>alert("x")</script> & 'friends'`;
const hostileUrl = `https://gloss.example/verify-email?token=a"b&c=<d>`;

describe("mail templates", () => {
  it("escapes the five HTML-significant characters", () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
  });

  it.each([
    ["verificationEmail", verificationEmail(t, { name: hostileName, url: hostileUrl })],
    ["passwordResetEmail", passwordResetEmail(t, { name: hostileName, url: hostileUrl })],
  ])("%s escapes the name and the link in HTML and keeps them verbatim in text", (_, mail) => {
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;friends&#39;");
    expect(mail.html).toContain(`href="https://gloss.example/verify-email?token=a&quot;b&amp;c=&lt;d&gt;"`);
    expect(mail.text).toContain(hostileName);
    expect(mail.text).toContain(hostileUrl);
    expect(mail.subject).not.toContain(hostileName);
  });

  it("emailChangedNotice names both addresses, escaped in HTML", () => {
    const mail = emailChangedNotice(t, { name: hostileName, oldEmail: "old@example.com", newEmail: `"new"<x>@example.com` });
    expect(mail.text).toContain("from old@example.com to \"new\"<x>@example.com");
    expect(mail.html).toContain("&quot;new&quot;&lt;x&gt;@example.com");
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).not.toContain("<a ");
  });
});
