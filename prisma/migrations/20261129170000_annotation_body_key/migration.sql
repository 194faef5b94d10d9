-- A fingerprint of each body's duplicate key, so the repeated-text check compares in the database
-- instead of reading the author's recent bodies back. Rows written before it stay null and are
-- compared by their bodies, which matters only for the minutes of the check's window.

-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN "bodyKey" TEXT;
