"use server";

import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getViewer } from "@/lib/auth/viewer";
import { setModerator } from "@/lib/data/users/set-role";

const schema = z.object({ userId: z.string().min(1).max(64), grant: z.enum(["true", "false"]) });

export async function setModeratorAction(formData: FormData): Promise<void> {
  const parsed = schema.safeParse({ userId: formData.get("userId"), grant: formData.get("grant") });
  const viewer = await getViewer();
  if (!viewer || viewer.role !== "ADMIN" || !parsed.success) notFound();
  const result = await setModerator(viewer, parsed.data.userId, parsed.data.grant === "true");
  if (result === "not-found") notFound();
  revalidatePath("/admin");
}
