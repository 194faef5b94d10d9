"use server";

import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import { issueTranslator } from "@/lib/validation/localize";
import { redirect } from "next/navigation";
import { z } from "zod";
import { sessionCookieName } from "@/lib/auth/config";
import { getViewer } from "@/lib/auth/viewer";
import { deleteUserAccount } from "@/lib/data/users/delete-account";
import { getDb } from "@/lib/db";
import { fieldErrors } from "@/lib/validation/auth";
import type { ActionState } from "../action-state";
import { checkCurrentPassword } from "./check-current-password";

const schema = z.object({
  confirmHandle: z.string().trim().toLowerCase().min(1, "account.confirmHandle"),
  password: z.string().max(256).optional(),
  deleteAnnotations: z.literal("on").optional(),
});

/** Deletes the account after the user types their handle (and password, if they have one). */
export async function deleteAccountAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const values = { confirmHandle: String(formData.get("confirmHandle") ?? "") };
  const parsed = schema.safeParse({
    confirmHandle: formData.get("confirmHandle"),
    password: formData.get("password") ?? undefined,
    deleteAnnotations: formData.get("deleteAnnotations") ?? undefined,
  });
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrors(parsed.error, await issueTranslator()), values };
  const viewer = await getViewer();
  const t = await getTranslations("account.outcomes");
  if (!viewer) return { status: "error", message: t("signedOut"), values };
  if (parsed.data.confirmHandle.replace(/^@/, "") !== viewer.handle) {
    return { status: "error", fieldErrors: { confirmHandle: t("confirmHandleMismatch", { handle: viewer.handle }) }, values };
  }
  // Deleting the account would also delete the suspension or the spam mark, and the address could sign up afresh.
  if (viewer.suspension || viewer.isMarkedSpammer) return { status: "error", message: t("deleteWhileRestricted"), values };
  if (viewer.role === "ADMIN" && (await getDb().user.count({ where: { role: "ADMIN" } })) === 1) return { status: "error", message: t("deleteLastAdmin"), values };
  const user = await getDb().user.findUniqueOrThrow({ where: { id: viewer.id }, select: { passwordHash: true } });
  if (user.passwordHash) {
    const check = await checkCurrentPassword(viewer.email, user.passwordHash, parsed.data.password ?? "");
    if (check.outcome === "limited") return { status: "error", message: t("tooManyPasswordAttempts", { wait: check.wait }), values };
    if (check.outcome === "wrong") return { status: "error", fieldErrors: { password: t("wrongPassword") }, values };
  }
  await deleteUserAccount(viewer.id, { deletePublicAnnotations: parsed.data.deleteAnnotations === "on" });
  (await cookies()).delete(sessionCookieName());
  redirect("/?accountDeleted=1");
}
