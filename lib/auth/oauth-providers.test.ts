import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env-schema";
import { configuredOAuthProviders } from "./options";

function env(variables: Record<string, string>) {
  const parsed = parseEnv(variables);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.env;
}

describe("configuredOAuthProviders", () => {
  it("shows no provider without credentials", () => {
    expect(configuredOAuthProviders(env({}))).toEqual([]);
  });

  it("shows a provider only when both its id and secret are set", () => {
    expect(configuredOAuthProviders(env({ GITHUB_ID: "id" }))).toEqual([]);
    expect(configuredOAuthProviders(env({ GITHUB_ID: "id", GITHUB_SECRET: "s" }))).toEqual(["github"]);
    expect(configuredOAuthProviders(env({ GITHUB_ID: "i", GITHUB_SECRET: "s", GOOGLE_ID: "i", GOOGLE_SECRET: "s" }))).toEqual(["github", "google"]);
  });
});
