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
  const [textStart, textEnd] = parts;
  if (!textStart) return null;
  let from = 0;
  while (from <= text.length) {
    const at = text.indexOf(textStart, from);
    if (at < 0) return null;
    const before = text.slice(0, at).trimEnd();
    const end = textEnd ? text.indexOf(textEnd, at + textStart.length) : at + textStart.length;
    const stop = textEnd && end >= 0 ? end + textEnd.length : end;
    const after = stop >= 0 ? text.slice(stop).trimStart() : "";
    if (stop >= 0 && (!prefix || before.endsWith(prefix)) && (!suffix || after.startsWith(suffix))) {
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
