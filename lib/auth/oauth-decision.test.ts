import { describe, expect, it } from "vitest";
import { decideOAuthSignIn, handleFromProfile } from "./oauth-decision";

const base = { linkedUserId: null, email: "ada@example.com", isProviderEmailVerified: true, existingUser: null };

describe("decideOAuthSignIn", () => {
  it("signs in an identity that is already linked", () => {
    expect(decideOAuthSignIn({ ...base, linkedUserId: "u1" })).toEqual({ action: "sign-in", userId: "u1" });
  });

  it("links to an existing account only when both sides verified the address", () => {
    expect(decideOAuthSignIn({ ...base, existingUser: { id: "u2", isEmailVerified: true } })).toEqual({ action: "link", userId: "u2" });
    expect(decideOAuthSignIn({ ...base, existingUser: { id: "u2", isEmailVerified: false } })).toEqual({
      action: "refuse",
      reason: "unverified-email",
    });
    expect(
      decideOAuthSignIn({ ...base, isProviderEmailVerified: false, existingUser: { id: "u2", isEmailVerified: true } }),
    ).toEqual({ action: "refuse", reason: "unverified-email" });
  });

  it("creates an account for a new address and refuses when there is none", () => {
    expect(decideOAuthSignIn(base)).toEqual({ action: "create" });
    expect(decideOAuthSignIn({ ...base, email: null })).toEqual({ action: "refuse", reason: "no-email" });
  });
});

describe("handleFromProfile", () => {
  it("derives a valid handle", () => {
    expect(handleFromProfile("Ada-Lovelace", "x@y.z")).toBe("ada_lovelace");
    expect(handleFromProfile(null, "li.wei@example.com")).toBe("li_wei");
    expect(handleFromProfile("x", "x@y.z")).toBe("reader_x");
  });
});
