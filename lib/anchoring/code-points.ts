/**
 * Selectors count in Unicode code points (as the canonical text does), while
 * JavaScript strings and approx-string-match count UTF-16 units. These helpers
 * translate between the two. A lone surrogate counts as one code point, as in
 * `codePointLength` of lib/articles/canonical-text.ts.
 */

/** Converts offsets of one text between code points and UTF-16 units. */
export interface OffsetMap {
  readonly text: string;
  /** Length of `text` in code points. */
  readonly length: number;
  /** UTF-16 offset of a code-point offset (clamped to the text). */
  toUtf16(codePoint: number): number;
  /** Code-point offset of a UTF-16 offset; one inside a surrogate pair rounds down to the pair. */
  toCodePoint(utf16: number): number;
  /** The text between two code-point offsets. */
  slice(start: number, end?: number): string;
}

const SURROGATE = /[\uD800-\uDFFF]/;

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** How many entries of an ascending array are below `value`. */
function countBelow(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] ?? Infinity) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

function clamp(value: number, max: number): number {
  return Math.min(Math.max(0, Math.trunc(value)), max);
}

/**
 * Builds the map once per text: O(n) to build, O(log a) per lookup where a is
 * the number of astral characters. Text without surrogates (most articles)
 * gets an identity map, so that common case costs one regex scan.
 */
export function createOffsetMap(text: string): OffsetMap {
  if (!SURROGATE.test(text)) {
    return {
      text,
      length: text.length,
      toUtf16: (codePoint) => clamp(codePoint, text.length),
      toCodePoint: (utf16) => clamp(utf16, text.length),
      slice: (start, end) => text.slice(clamp(start, text.length), end === undefined ? undefined : clamp(end, text.length)),
    };
  }

  // Where each surrogate pair starts, in UTF-16 units and in code points.
  const pairUnits: number[] = [];
  const pairCodePoints: number[] = [];
  for (let index = 0; index < text.length; index++) {
    if (isHighSurrogate(text.charCodeAt(index)) && isLowSurrogate(text.charCodeAt(index + 1))) {
      pairCodePoints.push(index - pairUnits.length);
      pairUnits.push(index);
      index++;
    }
  }
  const length = text.length - pairUnits.length;

  const toUtf16 = (codePoint: number): number => {
    const clamped = clamp(codePoint, length);
    return clamped + countBelow(pairCodePoints, clamped);
  };
  const toCodePoint = (utf16: number): number => {
    const clamped = clamp(utf16, text.length);
    const pairsStarted = countBelow(pairUnits, clamped);
    const lastPair = pairUnits[pairsStarted - 1];
    // Inside a pair: report the pair's own code point.
    if (lastPair === clamped - 1) return lastPair - (pairsStarted - 1);
    return clamped - pairsStarted;
  };
  return {
    text,
    length,
    toUtf16,
    toCodePoint,
    slice: (start, end) => text.slice(toUtf16(start), end === undefined ? undefined : toUtf16(end)),
  };
}

/** `text.slice` counted in code points; for repeated slicing of one long text, use createOffsetMap. */
export function sliceCodePoints(text: string, start: number, end?: number): string {
  return createOffsetMap(text).slice(start, end);
}

/**
 * Widens a UTF-16 range so it never splits a surrogate pair: a fuzzy match may
 * end half-way through an emoji, and the highlight should cover all of it.
 */
export function widenToCodePoints(text: string, start: number, end: number): { start: number; end: number } {
  const safeStart = start > 0 && isLowSurrogate(text.charCodeAt(start)) && isHighSurrogate(text.charCodeAt(start - 1)) ? start - 1 : start;
  const safeEnd = end > 0 && end < text.length && isLowSurrogate(text.charCodeAt(end)) && isHighSurrogate(text.charCodeAt(end - 1)) ? end + 1 : end;
  return { start: safeStart, end: safeEnd };
}
