"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getViewer } from "@/lib/auth/viewer";
import { createApiToken, MAX_LIVE_TOKENS } from "@/lib/data/api-tokens/create-token";
import { revokeApiToken } from "@/lib/data/api-tokens/revoke-token";
import { createApiTokenSchema, revokeApiTokenSchema } from "@/lib/validation/api-tokens";
import { issueTranslator } from "@/lib/validation/localize";

export interface CreateTokenState {
  status: "idle" | "ok" | "error";
  /** The new token, shown once. */
  token?: string;
  message?: string;
  values?: { name: string };
}

/** Creates a personal access token for the signed-in user and hands it back once. */
export async function createApiTokenAction(_previous: CreateTokenState, formData: FormData): Promise<CreateTokenState> {
  const name = String(formData.get("name") ?? "");
  const parsed = createApiTokenSchema.safeParse({ name, scopes: formData.getAll("scopes") });
  if (!parsed.success) return { status: "error", message: (await issueTranslator())(parsed.error.issues[0]!), values: { name } };
  const viewer = await getViewer();
  if (!viewer) redirect("/signin?callbackUrl=/account");
  const result = await createApiToken(viewer, parsed.data);
  if (!result.ok) return { status: "error", message: (await getTranslations("opendata.account"))("tooManyTokens", { max: MAX_LIVE_TOKENS }), values: { name } };
  revalidatePath("/account");
  return { status: "ok", token: result.token };
}

/** Revokes one of the signed-in user's tokens; it stops working at its next request. */
export async function revokeApiTokenAction(formData: FormData): Promise<void> {
  const parsed = revokeApiTokenSchema.safeParse({ tokenId: formData.get("tokenId") });
  const viewer = await getViewer();
  if (!viewer) redirect("/signin?callbackUrl=/account");
  if (parsed.success) await revokeApiToken(viewer.id, parsed.data.tokenId);
  revalidatePath("/account");
}
