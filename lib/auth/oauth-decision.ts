/** What to do when someone arrives through GitHub or Google. */
export type OAuthDecision =
  | { action: "sign-in"; userId: string }
  | { action: "link"; userId: string }
  | { action: "create" }
  | { action: "refuse"; reason: "unverified-email" | "no-email" };

export interface OAuthArrival {
  /** The user already linked to this provider identity, if any. */
  linkedUserId: string | null;
  /** The address the provider reports, lowercased. */
  email: string | null;
  /** Whether the provider vouches that the person controls that address. */
  isProviderEmailVerified: boolean;
  /** A Gloss user with that address, if any. */
  existingUser: { id: string; isEmailVerified: boolean } | null;
}

/**
 * An identity is linked to an existing account only when both sides have
 * verified the same address: otherwise anyone who registers a provider account
 * with someone else's (unverified) email would take over their Gloss account.
 */
export function decideOAuthSignIn(arrival: OAuthArrival): OAuthDecision {
  if (arrival.linkedUserId) return { action: "sign-in", userId: arrival.linkedUserId };
  if (!arrival.email) return { action: "refuse", reason: "no-email" };
  if (arrival.existingUser) {
    return arrival.isProviderEmailVerified && arrival.existingUser.isEmailVerified
      ? { action: "link", userId: arrival.existingUser.id }
      : { action: "refuse", reason: "unverified-email" };
  }
  return { action: "create" };
}

/** A handle to start from for a new OAuth user: letters, digits and underscores. */
export function handleFromProfile(login: string | null | undefined, email: string): string {
  const base = (login ?? email.split("@")[0] ?? "reader")
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 24);
  return base.length >= 3 ? base : `reader_${base}`.slice(0, 24);
}
