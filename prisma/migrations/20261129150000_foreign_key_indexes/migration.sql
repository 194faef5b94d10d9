-- Foreign keys PostgreSQL checks on every delete of the row they point at.

-- CreateIndex
CREATE INDEX "Annotation_parentId_idx" ON "Annotation"("parentId");

-- CreateIndex
CREATE INDEX "Annotation_versionId_idx" ON "Annotation"("versionId");

-- CreateIndex
CREATE INDEX "Flag_reporterId_idx" ON "Flag"("reporterId");
