// Formatting the Vietnamese way.

/** Vietnam's time: UTC+7 all year, as the documents print it
 * (`core::dates::moment_vi`), whatever zone the computer is set to. */
const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;

/** The wall-clock fields of a moment in Vietnam's time; null when unreadable. */
function inVietnam(ms: number): Date | null {
  return Number.isNaN(ms) ? null : new Date(ms + VIETNAM_OFFSET_MS);
}

const two = (n: number) => String(n).padStart(2, "0");

/** A timestamp as dd/mm/yyyy in Vietnam's time; "" when it cannot be read. */
export function formatDate(iso: string): string {
  const d = inVietnam(new Date(iso).getTime());
  if (!d) return "";
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** A stored date (yyyy-mm-dd) as it is shown and typed, dd/mm/yyyy; "" stays "".
 * Reading what is typed is Rust's (`core::dates::parse_typed`). */
export function displayDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** A moment (ms since the epoch) as hh:mm in Vietnam's time. */
export function clockTime(ms: number): string {
  const d = inVietnam(ms);
  return d ? `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}` : "";
}

/** A timestamp as dd/mm/yyyy hh:mm in Vietnam's time, as the documents print it. */
export function formatDateTime(iso: string): string {
  const ms = new Date(iso).getTime();
  if (Number.isNaN(ms)) return "";
  return `${formatDate(iso)} ${clockTime(ms)}`;
}
