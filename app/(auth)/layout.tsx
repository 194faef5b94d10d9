import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** Client words for the sign-in, sign-up and password forms. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["auth"]}>{children}</ClientMessages>;
}
