/**
 * The fewest edits that turn `pattern` into some substring of `text`, in UTF-16
 * units: Sellers' dynamic programme, in which a match may start and end
 * anywhere in the text for free. approx-string-match reports the same number
 * but also locates every such match, a second search per match that scoring a
 * quote's context does not need; for its 32 characters this is several times
 * faster, and scoring runs for every candidate of every highlight an edit
 * touched.
 */
export function substringEditDistance(text: string, pattern: string): number {
  const length = pattern.length;
  // column[i]: the fewest edits turning pattern[0, i) into a substring of the text ending here.
  const column = new Uint32Array(length + 1);
  for (let i = 0; i <= length; i++) column[i] = i;
  let best = length;
  for (let j = 0; j < text.length; j++) {
    const unit = text.charCodeAt(j);
    // A match may begin at any position: the empty prefix of the pattern costs nothing anywhere.
    let diagonal = 0;
    for (let i = 1; i <= length; i++) {
      const left = column[i]!;
      const substitution = diagonal + (pattern.charCodeAt(i - 1) === unit ? 0 : 1);
      column[i] = Math.min(substitution, left + 1, column[i - 1]! + 1);
      diagonal = left;
    }
    if (column[length]! < best) best = column[length]!;
  }
  return best;
}
