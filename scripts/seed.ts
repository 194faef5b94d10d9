import { fileURLToPath } from "node:url";
import { readArticleContents } from "../lib/articles/content-file.ts";
import { createArticleIfMissing } from "../lib/data/articles/create-article.ts";
import { createPrismaClient } from "../lib/prisma-client.ts";
import { seedDemoAccounts } from "./demo-accounts.ts";
import { seedDemoDiscussion } from "./demo-discussion.ts";

const contentDir = fileURLToPath(new URL("../content/articles", import.meta.url));

/**
 * Loads the shipped articles and, when `demo` is set, the demo accounts.
 * Idempotent: what is already there is left alone, so an article an admin
 * has edited keeps their version however often the app starts.
 */
export async function seedDatabase(databaseUrl: string, options: { demo: boolean; log?: (line: string) => void }): Promise<void> {
  const log = options.log ?? console.log;
  const db = createPrismaClient(databaseUrl, { poolMax: 2 });
  try {
    for (const content of await readArticleContents(contentDir)) {
      if ((await createArticleIfMissing(db, content)) === "created") log(`Article ${content.slug}: created`);
    }
    if (options.demo) {
      for (const email of await seedDemoAccounts(db)) log(`Demo account ${email}: created`);
      if (await seedDemoDiscussion(db, "china-shared-future-cyberspace")) log("Demo discussion: created");
    }
  } finally {
    await db.$disconnect();
  }
}

/** Demo data everywhere but production, where it must be asked for. */
export function shouldSeedDemo(env: NodeJS.ProcessEnv): boolean {
  return env.NODE_ENV !== "production" || env.GLOSS_SEED_DEMO === "1" || env.GLOSS_SEED_DEMO === "true";
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set: point it at the database to seed.");
    process.exit(1);
  }
  await seedDatabase(url, { demo: shouldSeedDemo(process.env) });
}
