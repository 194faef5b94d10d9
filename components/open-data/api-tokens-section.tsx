import { getFormatter, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { revokeApiTokenAction } from "@/lib/actions/account/api-tokens";
import { listApiTokens } from "@/lib/data/api-tokens/list-tokens";
import { CreateTokenForm } from "./create-token-form";

/** The account page's token list with revoke buttons, and the form for a new one. */
export async function ApiTokensSection({ userId }: { userId: string }) {
  const [tokens, t, format] = await Promise.all([listApiTokens(userId), getTranslations("opendata.account"), getFormatter()]);
  // In the interface language's conventions, in UTC as the messages say.
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  return (
    <>
      <p className="leading-relaxed">{t("tokensIntro")}</p>
      <p>
        <a href="/api/openapi.json" className="underline underline-offset-2">
          {t("docsLink")}
        </a>
      </p>
      {tokens.length === 0 ? (
        <p className="text-[var(--color-muted)]">{t("none")}</p>
      ) : (
        <ul className="divide-y divide-[var(--color-rule)] rounded-md border border-[var(--color-rule)]" aria-label={t("tokensHeading")}>
          {tokens.map((token) => (
            <li key={token.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
              <div className="min-w-0">
                <p className="break-words font-medium">{token.name}</p>
                <p className="break-words text-sm text-[var(--color-muted)]">
                  <code>{token.prefix}…</code> · {token.scopes.length > 0 ? token.scopes.join(", ") : t("scopesNone")} · {t("createdOn", { date: when(token.createdAt) })} ·{" "}
                  {token.lastUsedAt ? t("lastUsed", { date: when(token.lastUsedAt) }) : t("neverUsed")}
                </p>
              </div>
              <form action={revokeApiTokenAction}>
                <input type="hidden" name="tokenId" value={token.id} />
                <Button type="submit" variant="secondary" aria-label={t("revokeLabel", { name: token.name })}>
                  {t("revoke")}
                </Button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <CreateTokenForm />
    </>
  );
}
