import { z } from "zod";

/**
 * Characters no user text needs and some attacks use: C0 controls other than
 * tab and newline (NUL breaks PostgreSQL text, others hide in logs), DEL and
 * the C1 controls, lone surrogates, non-characters, and the bidirectional
 * embedding/override/isolate controls that make text display in a different
 * order than it reads ("Trojan Source"). Left-to-right and right-to-left
 * marks stay: mixed-direction writing uses them.
 */
const INVALID_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Removes invalid characters and turns CRLF and lone CR into LF. */
export function stripInvalidText(value: string): string {
  return value.replace(/\r\n?/g, "\n").replace(INVALID_TEXT, "");
}

/** A string with invalid characters removed before any other check (trim, length) runs. */
export function cleanText(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).overwrite(stripInvalidText);
}
