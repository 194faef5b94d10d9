import { fileURLToPath } from "node:url";
import { readArticleContents } from "../lib/articles/content-file.ts";
import { saveArticleContent } from "../lib/data/articles/save-article-content.ts";
import { createPrismaClient } from "../lib/prisma-client.ts";

const contentDir = fileURLToPath(new URL("../content/articles", import.meta.url));

/** Loads the shipped articles. Idempotent: unchanged articles write nothing. */
export async function seedDatabase(databaseUrl: string, log: (line: string) => void = console.log): Promise<void> {
  const db = createPrismaClient(databaseUrl, { poolMax: 2 });
  try {
    for (const content of await readArticleContents(contentDir)) {
      const result = await saveArticleContent(db, content);
      if (result !== "unchanged") log(`Article ${content.slug}: ${result}`);
    }
  } finally {
    await db.$disconnect();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set: point it at the database to seed.");
    process.exit(1);
  }
  await seedDatabase(url);
}
