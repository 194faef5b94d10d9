import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { getAuthOptions } from "@/lib/auth/options";
import { limitSignIn } from "@/lib/auth/sign-in-limits";
import { withDatabaseGuard } from "@/lib/db-availability/database-unavailable-response";

type Context = { params: Promise<{ nextauth: string[] }> };

export const GET = withDatabaseGuard(function GET(request: NextRequest, context: Context) {
  return NextAuth(request, context, getAuthOptions());
});

/** Password sign-ins pass the shared rate limiter before next-auth sees them. */
export const POST = withDatabaseGuard(async function POST(request: NextRequest, context: Context) {
  const { nextauth } = await context.params;
  if (nextauth[0] === "callback" && nextauth[1] === "credentials") {
    const form = await request.clone().formData().catch(() => null);
    const limited = await limitSignIn(request.headers, form?.get("email"));
    if (limited) return limited;
  }
  return NextAuth(request, context, getAuthOptions());
});
