import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // PGlite and the Prisma adapter load WebAssembly and native modules at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pg"],
};

// Finds i18n/request.ts, which picks the interface language per request.
const withNextIntl = createNextIntlPlugin();

export default withNextIntl(nextConfig);
