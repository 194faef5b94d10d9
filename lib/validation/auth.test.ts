import { describe, expect, it } from "vitest";
import { englishIssueMessage } from "./english";
import { fieldErrors, handleSchema, signInSchema, signUpSchema } from "./auth";

// What lib/validation/localize.ts does per request, with the English messages.
const english = englishIssueMessage;

describe("signUpSchema", () => {
  it("normalises the email and handle", () => {
    const parsed = signUpSchema.parse({ name: "  Ada  ", handle: " Ada_L ", email: " Ada@Example.COM ", password: "violet tractor harbour" });
    expect(parsed).toEqual({ name: "Ada", handle: "ada_l", email: "ada@example.com", password: "violet tractor harbour" });
  });

  it("names every bad field with a message a person understands", () => {
    const result = signUpSchema.safeParse({ name: "", handle: "a b", email: "nope", password: "short" });
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!, english)).toEqual({
      name: "Enter your name.",
      handle: "Use only letters, digits and underscores in your handle.",
      email: "Enter a valid email address, like name@example.com.",
      password: "Your password needs at least 10 characters.",
    });
  });

  it("refuses missing fields and control characters in names", () => {
    const missing = signUpSchema.safeParse({});
    expect(Object.keys(fieldErrors(missing.error!, english)).sort()).toEqual(["email", "handle", "name", "password"]);
    expect(signUpSchema.safeParse({ name: "A\u0000B", handle: "abc", email: "a@b.co", password: "violet tractor harbour" }).success).toBe(false);
  });
});

describe("handleSchema", () => {
  it.each([
    ["ab", false],
    ["abc", true],
    ["a".repeat(30), true],
    ["a".repeat(31), false],
    ["名字", false],
    ["under_score9", true],
  ])("%s valid: %s", (handle, isValid) => {
    expect(handleSchema.safeParse(handle).success).toBe(isValid);
  });
});

describe("signInSchema", () => {
  it("needs both fields", () => {
    expect(signInSchema.safeParse({ email: "a@b.co" }).success).toBe(false);
    expect(signInSchema.safeParse({ email: "a@b.co", password: "x" }).success).toBe(true);
  });
});
