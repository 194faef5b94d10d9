"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { TextField } from "@/components/ui/text-field";
import { idleState, type ActionState } from "@/lib/actions/action-state";
import { deleteAccountAction } from "@/lib/actions/account/delete-account";
import { changeEmailAction, changeNameAction, changePasswordAction } from "@/lib/actions/account/profile";

function Outcome({ state }: { state: ActionState }) {
  if (!state.message) return null;
  return <Notice tone={state.status === "error" ? "error" : "success"}>{state.message}</Notice>;
}

export function ChangeNameForm({ name }: { name: string }) {
  const t = useTranslations("account");
  const [state, action, isPending] = useActionState(changeNameAction, idleState);
  return (
    <form action={action} className="space-y-3">
      <Outcome state={state} />
      <TextField id="name" name="name" label={t("name")} autoComplete="name" defaultValue={state.values?.name ?? name} key={state.values?.name ?? name} error={state.fieldErrors?.name} />
      <Button type="submit" disabled={isPending}>
        {t("saveName")}
      </Button>
    </form>
  );
}

export function ChangeEmailForm() {
  const t = useTranslations("account");
  const [state, action, isPending] = useActionState(changeEmailAction, idleState);
  return (
    <form action={action} className="space-y-3">
      <Outcome state={state} />
      <TextField id="new-email" name="email" type="email" label={t("newEmail")} autoComplete="email" defaultValue={state.values?.email ?? ""} key={`${state.status}-${state.values?.email ?? ""}`} error={state.fieldErrors?.email} />
      <Button type="submit" variant="secondary" disabled={isPending}>
        {t("sendVerification")}
      </Button>
    </form>
  );
}

export function ChangePasswordForm({ hasPassword }: { hasPassword: boolean }) {
  const t = useTranslations("account");
  const [state, action, isPending] = useActionState(changePasswordAction, idleState);
  return (
    <form action={action} className="space-y-3">
      <Outcome state={state} />
      {hasPassword ? (
        <TextField id="current-password" name="currentPassword" type="password" label={t("currentPassword")} autoComplete="current-password" error={state.fieldErrors?.currentPassword} />
      ) : null}
      <TextField id="new-password" name="newPassword" type="password" label={t("newPassword")} hint={t("passwordHint")} autoComplete="new-password" error={state.fieldErrors?.newPassword} />
      <Button type="submit" variant="secondary" disabled={isPending}>
        {hasPassword ? t("changePassword") : t("setPassword")}
      </Button>
    </form>
  );
}

export function DeleteAccountForm({ handle, hasPassword }: { handle: string; hasPassword: boolean }) {
  const t = useTranslations("account");
  const [state, action, isPending] = useActionState(deleteAccountAction, idleState);
  return (
    <form action={action} className="space-y-3">
      <Outcome state={state} />
      <TextField id="confirm-handle" name="confirmHandle" label={t("confirmHandle", { handle })} autoComplete="off" defaultValue={state.values?.confirmHandle ?? ""} error={state.fieldErrors?.confirmHandle} />
      {hasPassword ? <TextField id="delete-password" name="password" type="password" label={t("password")} autoComplete="current-password" error={state.fieldErrors?.password} /> : null}
      <div className="flex items-start gap-3">
        <input id="delete-annotations" name="deleteAnnotations" type="checkbox" className="mt-0.5 h-6 w-6 shrink-0" />
        <label htmlFor="delete-annotations" className="text-sm leading-relaxed">
          {t("deleteAnnotations")}
        </label>
      </div>
      <Button type="submit" variant="danger" disabled={isPending}>
        {t("deleteAccount")}
      </Button>
    </form>
  );
}
