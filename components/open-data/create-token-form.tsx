"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { createApiTokenAction, type CreateTokenState } from "@/lib/actions/account/api-tokens";

const initial: CreateTokenState = { status: "idle" };

/** Names and scopes a new token; the token appears once, ready to copy. */
export function CreateTokenForm() {
  const t = useTranslations("opendata.account");
  const [state, action, isPending] = useActionState(createApiTokenAction, initial);
  return (
    <div className="space-y-4">
      <form action={action} className="space-y-4">
        <TextField id="token-name" name="name" label={t("nameLabel")} hint={t("nameHint")} maxLength={80} required defaultValue={state.values?.name} error={state.status === "error" ? state.message : undefined} />
        <fieldset>
          <legend className="text-sm font-medium">{t("scopesLegend")}</legend>
          <p className="mt-1 text-sm text-[var(--color-muted)]">{t("publicReadNote")}</p>
          <label className="mt-2 flex min-h-11 items-center gap-2">
            <input type="checkbox" name="scopes" value="read:private" className="size-4" />
            <span>{t("scopeReadPrivate")}</span>
          </label>
          <label className="flex min-h-11 items-center gap-2">
            <input type="checkbox" name="scopes" value="write" className="size-4" />
            <span>{t("scopeWrite")}</span>
          </label>
        </fieldset>
        <Button type="submit" variant="secondary" disabled={isPending}>
          {isPending ? t("creating") : t("create")}
        </Button>
      </form>
      {state.status === "ok" && state.token ? (
        <div role="status" className="rounded-md border border-[var(--color-rule)] p-4">
          <p className="font-semibold">{t("createdHeading")}</p>
          <p className="mt-1 text-sm text-[var(--color-muted)]">{t("createdHint")}</p>
          <label htmlFor="new-token" className="mt-3 block text-sm font-medium">
            {t("tokenLabel")}
          </label>
          <input id="new-token" readOnly value={state.token} onFocus={(event) => event.target.select()} className="mt-1 block min-h-11 w-full rounded-md border border-[var(--color-field-border)] bg-transparent px-3 py-2 font-mono text-sm" />
        </div>
      ) : null}
    </div>
  );
}
