import Link from "next/link";
import { useTranslations } from "next-intl";

/** The admins' way to the import page, beside "Edit article". */
export function ImportLink({ slug }: { slug: string }) {
  const t = useTranslations("opendata.import");
  return (
    <Link href={`/articles/${slug}/import`} className="font-medium underline underline-offset-4">
      {t("title")}
    </Link>
  );
}
