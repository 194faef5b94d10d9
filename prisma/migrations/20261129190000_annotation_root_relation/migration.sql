-- Every reply names its thread's root, so a query can ask whether the root is still visible: a thread
-- hidden by moderators hides its replies everywhere (search, feeds, exports, the API), not only in the
-- discussion. Replies already go with their parents (parentId cascades), so no row names a missing root.

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_rootId_fkey" FOREIGN KEY ("rootId") REFERENCES "Annotation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
