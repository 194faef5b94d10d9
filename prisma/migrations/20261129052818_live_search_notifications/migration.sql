-- CreateEnum
CREATE TYPE "EmailDelivery" AS ENUM ('OFF', 'IMMEDIATE', 'DIGEST');

-- Chinese, Japanese and Korean text has no spaces, so neither the english
-- configuration nor any word parser finds a substring of it. Every CJK
-- character and every pair of neighbouring ones is kept instead: a query's own
-- grams must all be present (GIN index), and the row is then checked for the
-- exact substring. Hand-written: Prisma cannot express functions or generated columns.
CREATE FUNCTION gloss_cjk_grams(input text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT gram), '{}')
    FROM (
      SELECT substr(run.text, i, n) AS gram
        FROM (SELECT (regexp_matches(coalesce(input, ''), '[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+', 'g'))[1] AS text) AS run,
             generate_series(1, char_length(run.text)) AS i,
             (VALUES (1), (2)) AS sizes(n)
       WHERE i + n - 1 <= char_length(run.text)
    ) AS grams
$$;

-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "searchGrams" text[],
ADD COLUMN     "searchVector" tsvector;

-- Both columns are kept by the database from the body, so every writer (the
-- app, imports, scripts) keeps them current. A trigger rather than generated
-- columns, which Prisma's schema diff would report as drift.
CREATE FUNCTION gloss_annotation_search() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" := to_tsvector('english'::regconfig, coalesce(NEW.body, ''));
  NEW."searchGrams" := gloss_cjk_grams(NEW.body);
  RETURN NEW;
END
$$;

CREATE TRIGGER annotation_search BEFORE INSERT OR UPDATE OF body ON "Annotation"
  FOR EACH ROW EXECUTE FUNCTION gloss_annotation_search();

UPDATE "Annotation" SET body = body WHERE body IS NOT NULL;

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "emailDelivery" "EmailDelivery" NOT NULL DEFAULT 'OFF',
ADD COLUMN     "showInApp" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "NotificationPreference" (
    "userId" TEXT NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "inApp" BOOLEAN NOT NULL,
    "email" "EmailDelivery" NOT NULL,

    CONSTRAINT "NotificationPreference_pkey" PRIMARY KEY ("userId","kind")
);

-- CreateIndex
CREATE INDEX "Annotation_searchVector_idx" ON "Annotation" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "Annotation_searchGrams_idx" ON "Annotation" USING GIN ("searchGrams");

-- CreateIndex
CREATE INDEX "Notification_emailDelivery_emailedAt_createdAt_idx" ON "Notification"("emailDelivery", "emailedAt", "createdAt");

-- AddForeignKey
ALTER TABLE "NotificationPreference" ADD CONSTRAINT "NotificationPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
