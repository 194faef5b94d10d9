import "server-only";
import { getDb } from "@/lib/db";
import { Prisma, type Role } from "@/lib/generated/prisma/client";

export type CreateUserResult = { ok: true; userId: string } | { ok: false; field: "email" | "handle" };

/**
 * Inserts a user. Uniqueness is left to the database's unique indexes, so two
 * sign-ups racing for one handle cannot both win.
 */
export async function createUser(input: {
  email: string;
  name: string;
  handle: string;
  passwordHash: string | null;
  role?: Role;
  emailVerifiedAt?: Date | null;
}): Promise<CreateUserResult> {
  try {
    const user = await getDb().user.create({
      data: {
        email: input.email,
        name: input.name,
        handle: input.handle,
        passwordHash: input.passwordHash,
        role: input.role ?? "READER",
        emailVerifiedAt: input.emailVerifiedAt ?? null,
      },
      select: { id: true },
    });
    return { ok: true, userId: user.id };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const target = JSON.stringify(error.meta ?? {});
      return { ok: false, field: target.includes("handle") ? "handle" : "email" };
    }
    throw error;
  }
}

/** A free handle starting from `base` (base, base_2, base_3…). */
export async function findFreeHandle(base: string): Promise<string> {
  const taken = new Set(
    (await getDb().user.findMany({ where: { handle: { startsWith: base } }, select: { handle: true } })).map((user) => user.handle),
  );
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix++) {
    const candidate = `${base}_${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
