import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** Client words for the queue's action forms and the pre-moderation switches. */
export default function ModerationLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["moderation"]}>{children}</ClientMessages>;
}
