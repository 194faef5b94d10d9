/**
 * The form of a body used to spot the same text posted again and again:
 * case, spacing and punctuation runs do not make a copy new.
 */
export function duplicateKey(body: string): string {
  return body
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\p{P}]+/gu, " ")
    .trim();
}
