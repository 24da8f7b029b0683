// The gaps between the words of a header name as the editor shows them:
// where Rust set a new line, and the text the officer's choice becomes (the
// name with a line break at each gap that ends a line; the field's value).
// Only where the lines end can change, never the words; Rust decides the
// lines themselves (`HeaderLines` from `header_lines`).

export type Gaps = {
  words: string[];
  /** For the gap after each word but the last: a line ends there. */
  breaks: boolean[];
};

/** The words of `lines` and where each line ends. */
export function gapsOf(lines: string[]): Gaps {
  const words: string[] = [];
  const breaks: boolean[] = [];
  lines.forEach((line, l) => {
    const own = line.split(/\s+/).filter((w) => w !== "");
    own.forEach((word, i) => {
      if (words.length > 0 && i === 0) breaks.push(l > 0);
      else if (words.length > 0) breaks.push(false);
      words.push(word);
    });
  });
  return { words, breaks };
}

/** The name with a new line at each gap that ends a line. */
export function breaksText(gaps: Gaps): string {
  return gaps.words.map((w, i) => (i === 0 ? w : (gaps.breaks[i - 1] ? "\n" : " ") + w)).join("");
}

/** The gaps with a new line at gap `k` added or taken away. */
export function toggled(gaps: Gaps, k: number): Gaps {
  return { words: gaps.words, breaks: gaps.breaks.map((b, i) => (i === k ? !b : b)) };
}

/** A word of a line and the index of the gap after it (null after the name's last word). */
export type Placed = { word: string; gap: number | null };

/** Each line's words with the gap after each. */
export function linesOf(gaps: Gaps): Placed[][] {
  let line: Placed[] = [];
  const lines = [line];
  gaps.words.forEach((word, i) => {
    const gap = i < gaps.breaks.length ? i : null;
    line.push({ word, gap });
    if (gap !== null && gaps.breaks[gap]) {
      line = [];
      lines.push(line);
    }
  });
  return lines;
}
