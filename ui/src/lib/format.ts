// Formatting the Vietnamese way.

/** A timestamp as dd/mm/yyyy in local time; "" when it cannot be read. */
export function formatDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  const dd = String(d.getDate()).padStart(2, "0");
  const mm = String(d.getMonth() + 1).padStart(2, "0");
  return `${dd}/${mm}/${d.getFullYear()}`;
}

/** A stored date (yyyy-mm-dd) as it is shown and typed, dd/mm/yyyy; "" stays "".
 * Reading what is typed is Rust's (`core::dates::parse_typed`). */
export function displayDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** A moment (ms since the epoch) as hh:mm in local time. */
export function clockTime(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
}

/** A timestamp as dd/mm/yyyy hh:mm in local time. */
export function formatDateTime(iso: string): string {
  const ms = new Date(iso).getTime();
  if (Number.isNaN(ms)) return "";
  return `${formatDate(iso)} ${clockTime(ms)}`;
}
