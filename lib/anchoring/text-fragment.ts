/**
 * Reads a standard text fragment (`#:~:text=[prefix-,]start[,end][,-suffix]`)
 * and finds the passage it names in `text`, in code points. Null when the
 * fragment is absent, malformed or names nothing here.
 */
export function resolveTextFragment(url: string, text: string): { exact: string; prefix: string; suffix: string; start: number } | null {
  const directive = /:~:text=([^&]+)/.exec(url)?.[1];
  if (!directive) return null;
  let parts: string[];
  try {
    parts = directive.split(",").map((part) => decodeURIComponent(part));
  } catch {
    return null;
  }
  const prefix = parts[0]?.endsWith("-") ? parts.shift()!.slice(0, -1) : "";
  const suffix = parts.at(-1)?.startsWith("-") ? parts.pop()!.slice(1) : "";
  const [textStart, textEnd] = parts.map(fold);
  if (!textStart) return null;
  // As browsers match them: ignoring case (where folding keeps offsets), and on whole words, so "art" is not the end of "start".
  const folded = fold(text).length === text.length ? fold(text) : text;
  let from = 0;
  while (from <= text.length) {
    const at = folded.indexOf(textStart, from);
    if (at < 0) return null;
    const before = folded.slice(0, at).trimEnd();
    const end = textEnd ? folded.indexOf(textEnd, at + textStart.length) : at + textStart.length;
    const stop = textEnd && end >= 0 ? end + textEnd.length : end;
    const after = stop >= 0 ? folded.slice(stop).trimStart() : "";
    const onWords = stop >= 0 && !splitsWord(text, at) && !splitsWord(text, stop);
    if (onWords && (!prefix || before.endsWith(fold(prefix))) && (!suffix || after.startsWith(fold(suffix)))) {
      const codePoints = (value: string) => Array.from(value).length;
      const exact = text.slice(at, stop);
      const startCp = codePoints(text.slice(0, at));
      const all = Array.from(text);
      const endCp = startCp + codePoints(exact);
      return { exact, prefix: all.slice(Math.max(0, startCp - 32), startCp).join(""), suffix: all.slice(endCp, endCp + 32).join(""), start: startCp };
    }
    from = at + 1;
  }
  return null;
}

function fold(value: string): string {
  return value.toLowerCase();
}

/** Letters and digits of scripts written with spaces between words; Chinese and Japanese have no such boundaries. */
const WORD_CHARACTER = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{N}]/u;

/** True when `at` falls inside a word: a word character on both sides. */
function splitsWord(text: string, at: number): boolean {
  return at > 0 && at < text.length && WORD_CHARACTER.test(text[at - 1]!) && WORD_CHARACTER.test(text[at]!);
}
