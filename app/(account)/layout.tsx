import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** Client words for the account forms, API tokens and the email verification form. */
export default function AccountLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["account", "auth", "opendata", "notifications"]}>{children}</ClientMessages>;
}
