/**
 * Account administration from the command line:
 *   npm run user -- promote <email> <reader|moderator|admin>
 * Uses DATABASE_URL. The change applies on the user's next request.
 */
import { z } from "zod";
import { promoteByEmail } from "../lib/data/users/promote-by-email.ts";
import type { Role } from "../lib/generated/prisma/enums.ts";
import { createPrismaClient } from "../lib/prisma-client.ts";

const usage = "usage: npm run user -- promote <email> <reader|moderator|admin>";
const args = z
  .tuple([z.literal("promote"), z.email().transform((email) => email.toLowerCase()), z.enum(["reader", "moderator", "admin"])])
  .safeParse(process.argv.slice(2));
if (!args.success) {
  console.error(usage);
  process.exit(2);
}
const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set: point it at Gloss's database (for the embedded one, start Gloss and use the URL it prints).");
  process.exit(2);
}
const [, email, role] = args.data;
const db = createPrismaClient(url, { poolMax: 1 });
try {
  const outcome = await db.$transaction((tx) => promoteByEmail(tx, email, role.toUpperCase() as Role));
  if (outcome === "missing") {
    console.error(`No account uses ${email}.`);
    process.exitCode = 1;
  } else if (outcome === "lastAdmin") {
    console.error(`${email} is the only admin: promote another account to admin first, so that someone can still run the site.`);
    process.exitCode = 1;
  } else console.log(`${email} is now ${role}.`);
} finally {
  await db.$disconnect();
}
