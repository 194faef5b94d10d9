import type { Viewer } from "@/lib/auth/viewer";
import type { Role } from "@/lib/generated/prisma/client";
import { testDb } from "./database";

let counter = 0;

/** A user in the test database, as the actor a request would resolve to. */
export async function createActor(
  name: string,
  options: { role?: Role; verified?: boolean; ageDays?: number; domain?: string } = {},
): Promise<Viewer> {
  const stamp = `${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  const user = await testDb.user.create({
    data: {
      email: `${name}-${stamp}@${options.domain ?? "actors.test"}`,
      name,
      handle: `${name}_${stamp}`.slice(0, 30),
      role: options.role ?? "READER",
      emailVerifiedAt: options.verified === false ? null : new Date(),
      createdAt: new Date(Date.now() - (options.ageDays ?? 30) * 86_400_000),
    },
  });
  return {
    id: user.id,
    sessionId: "test",
    email: user.email,
    name,
    handle: user.handle,
    role: user.role,
    isEmailVerified: user.emailVerifiedAt !== null,
    hasPassword: false,
    createdAt: user.createdAt,
    isMarkedSpammer: false,
    suspension: null,
  };
}

/** Re-reads an actor after moderation changed them (suspension, spammer mark), as the next request would. */
export async function refreshActor(actor: Viewer): Promise<Viewer> {
  const user = await testDb.user.findUniqueOrThrow({
    where: { id: actor.id },
    include: { suspensions: { where: { liftedAt: null, OR: [{ endsAt: null }, { endsAt: { gt: new Date() } }] }, take: 1 } },
  });
  const suspension = user.suspensions[0];
  return { ...actor, role: user.role, isMarkedSpammer: user.markedSpammerAt !== null, suspension: suspension ? { reason: suspension.reason, endsAt: suspension.endsAt } : null };
}
