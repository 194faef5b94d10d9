import { hashPassword } from "../lib/auth/password.ts";
import type { PrismaClient, Role } from "../lib/generated/prisma/client.ts";

/** The demo accounts of a local start. Never seeded in production unless asked (GLOSS_SEED_DEMO=1). */
export const DEMO_ACCOUNTS: ReadonlyArray<{ email: string; password: string; name: string; handle: string; role: Role }> = [
  { email: "reader@demo.gloss.test", password: "demo-reader-pass", name: "Rae Reader", handle: "demo_reader", role: "READER" },
  { email: "moderator@demo.gloss.test", password: "demo-moderator-pass", name: "Mo Moderator", handle: "demo_moderator", role: "MODERATOR" },
  { email: "admin@demo.gloss.test", password: "demo-admin-pass", name: "Ada Admin", handle: "demo_admin", role: "ADMIN" },
];

/** Creates the demo accounts that are missing; existing ones are left as their users changed them. */
export async function seedDemoAccounts(db: PrismaClient): Promise<string[]> {
  const created: string[] = [];
  for (const account of DEMO_ACCOUNTS) {
    const exists = await db.user.findUnique({ where: { email: account.email }, select: { id: true } });
    if (exists) continue;
    await db.user.create({
      data: {
        email: account.email,
        name: account.name,
        handle: account.handle,
        role: account.role,
        emailVerifiedAt: new Date(),
        passwordHash: await hashPassword(account.password),
      },
    });
    created.push(account.email);
  }
  return created;
}
