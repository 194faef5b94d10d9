import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // PGlite and the Prisma adapter load WebAssembly and native modules at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pg"],
};

// Finds i18n/request.ts, which picks the interface language per request, and
// precompiles the ICU messages of messages/**.json at build time, so the
// browser gets no message parser.
const withNextIntl = createNextIntlPlugin({
  experimental: { messages: { path: "./messages", format: "json", locales: "infer", precompile: true } },
});

export default withNextIntl(nextConfig);
