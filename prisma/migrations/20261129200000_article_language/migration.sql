-- The language the article is written in (a BCP 47 tag), so its text is marked up with it: a screen
-- reader then reads an English article in an English voice under the Chinese interface, and the other
-- way round. Every article so far is English.

-- AlterTable
ALTER TABLE "Article" ADD COLUMN "language" TEXT NOT NULL DEFAULT 'en';
