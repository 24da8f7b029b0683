// Shortening a label for a list or a select, where a long text would widen the
// page (messages shortened by Rust come already cut).

/** `text` on one line, at most `max` characters, with "…" when cut. */
export function shortLabel(text: string, max = 80): string {
  const line = text.split(/\s+/).filter((w) => w !== "").join(" ");
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}
