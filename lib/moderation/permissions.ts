/**
 * Who may take which moderation action on what. Pure, so the server asks it
 * before every action and the UI shows exactly the buttons it returns.
 *
 * - Only moderators and admins moderate, and not while suspended.
 * - Nobody settles flags on, or otherwise moderates, their own content or account.
 * - Moderators cannot act on admins or their content; only admins act on moderators' accounts.
 * - Deleting permanently is for admins only.
 */
export type RoleName = "READER" | "MODERATOR" | "ADMIN";
export type ModerationStatusName = "VISIBLE" | "PENDING" | "HIDDEN";

export const annotationActions = ["approve", "hide", "restore", "lock", "unlock", "delete"] as const;
export type AnnotationAction = (typeof annotationActions)[number];

export const userActions = ["suspend", "lift_suspension", "mark_spammer", "unmark_spammer"] as const;
export type UserAction = (typeof userActions)[number];

export interface ModeratorFacts {
  id: string;
  role: RoleName;
  isSuspended: boolean;
}

export interface AnnotationFacts {
  authorId: string | null;
  authorRole: RoleName | null;
  status: ModerationStatusName;
  isRoot: boolean;
  isLocked: boolean;
  hasOpenFlags: boolean;
  isDeleted: boolean;
}

export interface AccountFacts {
  id: string;
  role: RoleName;
  isSuspended: boolean;
  isMarkedSpammer: boolean;
}

export function isModerator(actor: { role: RoleName; isSuspended: boolean } | null): boolean {
  return actor !== null && !actor.isSuspended && (actor.role === "MODERATOR" || actor.role === "ADMIN");
}

/** The actions `actor` may take on one annotation, in the order the UI lists them. */
export function allowedAnnotationActions(actor: ModeratorFacts | null, target: AnnotationFacts): AnnotationAction[] {
  if (!actor || !isModerator(actor)) return [];
  if (target.authorId !== null && target.authorId === actor.id) return [];
  if (target.authorRole === "ADMIN" && actor.role !== "ADMIN") return [];
  const actions: AnnotationAction[] = [];
  if (!target.isDeleted) {
    if (target.hasOpenFlags || target.status === "PENDING") actions.push("approve");
    if (target.status !== "HIDDEN") actions.push("hide");
    if (target.status !== "VISIBLE") actions.push("restore");
    if (target.isRoot) actions.push(target.isLocked ? "unlock" : "lock");
  }
  if (actor.role === "ADMIN") actions.push("delete");
  return actions;
}

/** The actions `actor` may take on an account. */
export function allowedUserActions(actor: ModeratorFacts | null, target: AccountFacts): UserAction[] {
  if (!actor || !isModerator(actor)) return [];
  if (target.id === actor.id) return [];
  if (target.role === "ADMIN") return [];
  if (target.role === "MODERATOR" && actor.role !== "ADMIN") return [];
  const actions: UserAction[] = [target.isSuspended ? "lift_suspension" : "suspend"];
  actions.push(target.isMarkedSpammer ? "unmark_spammer" : "mark_spammer");
  return actions;
}
