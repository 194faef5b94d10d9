import { describe, expect, it } from "vitest";
import { COMMON_CORES, COMMON_FULL } from "./common-passwords";
import { checkPasswordStrength, hashPassword, verifyPassword } from "./password";

describe("hashPassword / verifyPassword", () => {
  it("hashes with Argon2id at OWASP's parameters and verifies only the right password", async () => {
    const hashed = await hashPassword("a long enough passphrase");
    expect(hashed).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hashed, "a long enough passphrase")).toBe(true);
    expect(await verifyPassword(hashed, "a long enough passphrasE")).toBe(false);
  });

  it("salts each hash", async () => {
    expect(await hashPassword("same password here")).not.toBe(await hashPassword("same password here"));
  });

  it("treats a malformed hash as a failed check", async () => {
    expect(await verifyPassword("not a hash", "whatever")).toBe(false);
  });
});

describe("checkPasswordStrength", () => {
  it("wants 10 to 256 characters, counting characters rather than UTF-16 units", () => {
    expect(checkPasswordStrength("short1!", {})).toMatch(/at least 10 characters/);
    expect(checkPasswordStrength("😀😀😀😀😀", {})).toMatch(/at least 10 characters/);
    expect(checkPasswordStrength("x".repeat(257), {})).toMatch(/at most 256/);
  });

  it("ships a list of at least 10,000 common passwords", () => {
    const entries = new Set([...COMMON_FULL.split("\n"), ...COMMON_CORES.split("\n")].filter(Boolean));
    expect(entries.size).toBeGreaterThanOrEqual(10_000);
  });

  it.each(["qwertyuiop", "1234567890", "QWERTYUIOP", "Password123", "password1234", "Dragon!!!!!!", "1qaz2wsx!!", "2024sunshine", "BasketBall", "aaaaaaaaaaaa"])(
    "refuses the common password %s",
    (password) => {
      expect(checkPasswordStrength(password, {})).toMatch(/too common/);
    },
  );

  it("refuses passwords that are or contain the email's local part, the handle or the name", () => {
    expect(checkPasswordStrength("ada.lovelace", { email: "Ada.Lovelace@example.com" })).toMatch(/name, handle or email/);
    expect(checkPasswordStrength("ada.lovelace-2025", { email: "ada.lovelace@example.com" })).toMatch(/name, handle or email/);
    expect(checkPasswordStrength("AdaLovelace!!", { email: "ada.lovelace+gloss@example.com" })).toMatch(/name, handle or email/);
    expect(checkPasswordStrength("x-the_reader-x!", { handle: "the_reader" })).toMatch(/name, handle or email/);
    expect(checkPasswordStrength("Rae Reader 1999", { name: "Rae Reader" })).toMatch(/name, handle or email/);
  });

  it("accepts an unusual passphrase, in any script", () => {
    expect(checkPasswordStrength("violet tractor harbour", { email: "ada@example.com", handle: "ada", name: "Ada" })).toBeNull();
    expect(checkPasswordStrength("长城脚下的小书店很安静", {})).toBeNull();
  });
});
