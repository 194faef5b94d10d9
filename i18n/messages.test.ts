import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isLiteralElement, isPluralElement, isPoundElement, isSelectElement, isTagElement, parse, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { NAMESPACES } from "./load-messages";
import { DEFAULT_LOCALE, LOCALES } from "./locales";

const root = join(import.meta.dirname, "..", "messages");

type Tree = { [key: string]: string | Tree };

function read(locale: string): Record<string, Tree> {
  const dir = join(root, locale);
  return Object.fromEntries(
    readdirSync(dir)
      .filter((file) => file.endsWith(".json"))
      .map((file) => [file.slice(0, -5), JSON.parse(readFileSync(join(dir, file), "utf8")) as Tree]),
  );
}

/** Every leaf as "namespace.path.key" → message. */
function flatten(tree: Tree, prefix: string, into = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    const path = `${prefix}.${key}`;
    if (typeof value === "string") into.set(path, value);
    else flatten(value, path, into);
  }
  return into;
}

function leaves(locale: string): Map<string, string> {
  const all = new Map<string, string>();
  for (const [namespace, tree] of Object.entries(read(locale))) flatten(tree, namespace, all);
  return all;
}

/** The ICU arguments a message uses, at any depth: {name}, {count, plural, …}, <tag>…</tag>; branch texts are not arguments. */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (isLiteralElement(element) || isPoundElement(element)) continue;
      names.add(isTagElement(element) ? `<${element.value}>` : element.value);
      if (isTagElement(element)) walk(element.children);
      if (isSelectElement(element) || isPluralElement(element)) for (const option of Object.values(element.options)) walk(option.value);
    }
  };
  walk(parse(message));
  return [...names].sort();
}

const reference = leaves(DEFAULT_LOCALE);

describe("interface messages", () => {
  it("has messages to check", () => {
    expect(reference.size).toBeGreaterThan(0);
  });

  it("loads every namespace file there is, and no other", () => {
    for (const locale of LOCALES) expect(Object.keys(read(locale)).sort()).toEqual([...NAMESPACES].sort());
  });

  for (const locale of LOCALES) {
    describe(locale, () => {
      const messages = leaves(locale);

      it("has every message the default locale has, and no others", () => {
        const missing = [...reference.keys()].filter((key) => !messages.has(key));
        const extra = [...messages.keys()].filter((key) => !reference.has(key));
        expect({ missing, extra }).toEqual({ missing: [], extra: [] });
      });

      it("has no empty message", () => {
        expect([...messages].filter(([, text]) => text.trim() === "").map(([key]) => key)).toEqual([]);
      });

      it("uses the same placeholders as the default locale", () => {
        const mismatched = [...reference]
          .filter(([key]) => messages.has(key))
          .filter(([key, text]) => argumentsOf(text).join() !== argumentsOf(messages.get(key)!).join())
          .map(([key]) => key);
        expect(mismatched).toEqual([]);
      });
    });
  }
});
