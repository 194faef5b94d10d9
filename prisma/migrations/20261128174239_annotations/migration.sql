-- CreateEnum
CREATE TYPE "Visibility" AS ENUM ('PUBLIC', 'PRIVATE');

-- CreateEnum
CREATE TYPE "Stance" AS ENUM ('SUPPORTS', 'DISPUTES', 'CONTEXT');

-- CreateTable
CREATE TABLE "Annotation" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "authorId" TEXT,
    "parentId" TEXT,
    "rootId" TEXT,
    "visibility" "Visibility" NOT NULL DEFAULT 'PUBLIC',
    "body" TEXT,
    "tags" TEXT[],
    "quoteExact" TEXT,
    "quotePrefix" TEXT,
    "quoteSuffix" TEXT,
    "positionStart" INTEGER,
    "positionEnd" INTEGER,
    "startBlockId" TEXT,
    "helpfulCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "editedAt" TIMESTAMP(3),
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Annotation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnnotationAnchor" (
    "annotationId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "start" INTEGER,
    "end" INTEGER,
    "score" DOUBLE PRECISION NOT NULL,
    "method" TEXT NOT NULL,

    CONSTRAINT "AnnotationAnchor_pkey" PRIMARY KEY ("annotationId","versionId")
);

-- CreateTable
CREATE TABLE "AnnotationSource" (
    "id" TEXT NOT NULL,
    "annotationId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "title" TEXT,
    "stance" "Stance" NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "AnnotationSource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnnotationRevision" (
    "id" TEXT NOT NULL,
    "annotationId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AnnotationRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnnotationVote" (
    "annotationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AnnotationVote_pkey" PRIMARY KEY ("annotationId","userId")
);

-- CreateIndex
CREATE INDEX "Annotation_articleId_versionId_idx" ON "Annotation"("articleId", "versionId");

-- CreateIndex
CREATE INDEX "Annotation_rootId_createdAt_idx" ON "Annotation"("rootId", "createdAt");

-- CreateIndex
CREATE INDEX "Annotation_articleId_createdAt_idx" ON "Annotation"("articleId", "createdAt");

-- CreateIndex
CREATE INDEX "Annotation_authorId_createdAt_idx" ON "Annotation"("authorId", "createdAt");

-- CreateIndex
CREATE INDEX "AnnotationAnchor_versionId_idx" ON "AnnotationAnchor"("versionId");

-- CreateIndex
CREATE INDEX "AnnotationSource_annotationId_idx" ON "AnnotationSource"("annotationId");

-- CreateIndex
CREATE INDEX "AnnotationRevision_annotationId_createdAt_idx" ON "AnnotationRevision"("annotationId", "createdAt");

-- CreateIndex
CREATE INDEX "AnnotationVote_userId_idx" ON "AnnotationVote"("userId");

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ArticleVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Annotation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnotationAnchor" ADD CONSTRAINT "AnnotationAnchor_annotationId_fkey" FOREIGN KEY ("annotationId") REFERENCES "Annotation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnotationAnchor" ADD CONSTRAINT "AnnotationAnchor_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ArticleVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnotationSource" ADD CONSTRAINT "AnnotationSource_annotationId_fkey" FOREIGN KEY ("annotationId") REFERENCES "Annotation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnotationRevision" ADD CONSTRAINT "AnnotationRevision_annotationId_fkey" FOREIGN KEY ("annotationId") REFERENCES "Annotation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnotationVote" ADD CONSTRAINT "AnnotationVote_annotationId_fkey" FOREIGN KEY ("annotationId") REFERENCES "Annotation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnotationVote" ADD CONSTRAINT "AnnotationVote_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
