-- DropIndex
DROP INDEX "AnnotationAnchor_versionId_idx";

-- CreateIndex
CREATE INDEX "AnnotationAnchor_versionId_start_idx" ON "AnnotationAnchor"("versionId", "start");
