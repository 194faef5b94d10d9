import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** Client words for the article editor and the import link. */
export default function AdminLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["admin", "opendata"]}>{children}</ClientMessages>;
}
