import { describe, expect, it } from "vitest";
import { checkPasswordStrength, hashPassword, verifyPassword } from "./password";

describe("hashPassword / verifyPassword", () => {
  it("hashes with Argon2id and verifies only the right password", async () => {
    const hashed = await hashPassword("a long enough passphrase");
    expect(hashed).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hashed, "a long enough passphrase")).toBe(true);
    expect(await verifyPassword(hashed, "a long enough passphrasE")).toBe(false);
  });

  it("treats a malformed hash as a failed check", async () => {
    expect(await verifyPassword("not a hash", "whatever")).toBe(false);
  });
});

describe("checkPasswordStrength", () => {
  it("wants at least 10 characters", () => {
    expect(checkPasswordStrength("short1!", {})).toMatch(/at least 10 characters/);
    expect(checkPasswordStrength("x".repeat(257), {})).toMatch(/at most 256/);
  });

  it.each(["qwertyuiop", "1234567890", "Password123", "password1234", "Dragon!!!!!!", "basketball", "aaaaaaaaaaaa"])(
    "refuses the common password %s",
    (password) => {
      expect(checkPasswordStrength(password, {})).toMatch(/too common/);
    },
  );

  it("refuses passwords built from the email, handle or name", () => {
    expect(checkPasswordStrength("ada.lovelace-2025", { email: "ada.lovelace@example.com" })).toMatch(/name, handle or email/);
    expect(checkPasswordStrength("x-the_reader-x!", { handle: "the_reader" })).toMatch(/name, handle or email/);
    expect(checkPasswordStrength("Rae Reader 1999", { name: "Rae Reader" })).toMatch(/name, handle or email/);
  });

  it("accepts an unusual passphrase, in any script", () => {
    expect(checkPasswordStrength("violet tractor harbour", { email: "ada@example.com", handle: "ada" })).toBeNull();
    expect(checkPasswordStrength("长城脚下的小书店很安静", {})).toBeNull();
  });
});
