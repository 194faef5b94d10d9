import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { databaseUrl, testDb } from "@/tests/support/database";
import { parseArticleContent } from "@/lib/articles/content-file";
import { saveArticleContent } from "@/lib/data/articles/save-article-content";
import { seedDatabase } from "./seed";

const run = promisify(execFile);
const slug = "china-shared-future-cyberspace";

afterAll(async () => {
  await testDb.article.deleteMany({ where: { slug } });
  await testDb.$disconnect();
});

describe("seeding the shipped articles", () => {
  it("creates them once when several instances start together, then never overwrites an admin's edit", async () => {
    await Promise.all([0, 1, 2].map(() => seedDatabase(databaseUrl, { demo: false, log: () => {} })));
    const seeded = await testDb.article.findUniqueOrThrow({ where: { slug }, include: { currentVersion: true } });
    expect(seeded.currentVersion?.number).toBe(1);

    const shipped = await readFile(new URL(`../content/articles/${slug}.md`, import.meta.url), "utf8");
    const edited = { ...parseArticleContent(slug, shipped.replace("Looking ahead", "Looking further ahead")), title: "The admin's title" };
    await saveArticleContent(testDb, edited);

    // Outside Next.js too, as `npm start` runs it.
    await run("npx", ["tsx", "scripts/seed.ts"], { env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production" }, timeout: 60_000 });
    await seedDatabase(databaseUrl, { demo: false, log: () => {} });

    const after = await testDb.article.findUniqueOrThrow({ where: { slug }, include: { currentVersion: true } });
    expect(after.title).toBe("The admin's title");
    expect(after.currentVersion?.number).toBe(2);
    expect(await testDb.articleVersion.count({ where: { articleId: after.id } })).toBe(2);
  }, 90_000);
});
