// Money the Vietnamese way, exactly: amounts arrive as strings of whole đồng
// and are added up with BigInt, never with floating point.

/** "12500000" → "12.500.000". */
export function groupDigits(digits: string): string {
  const negative = digits.startsWith("-");
  const d = negative ? digits.slice(1) : digits;
  const out = d.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return negative ? `−${out}` : out;
}

/** "12500000" → "12.500.000 đ". */
export function formatMoney(dong: string): string {
  return `${groupDigits(dong)} đ`;
}

/** A signed difference "−1500000" → "−1.500.000 đ", "2000" → "+2.000 đ". */
export function formatDifference(dong: string): string {
  if (dong === "0") return "0 đ";
  return dong.startsWith("-") ? formatMoney(dong) : `+${formatMoney(dong)}`;
}

/** Hundredths → "2,5", "3", "1.000,25". */
export function formatQuantity(centi: number): string {
  const whole = groupDigits(String(Math.trunc(centi / 100)));
  const frac = centi % 100;
  if (frac === 0) return whole;
  return frac % 10 === 0 ? `${whole},${frac / 10}` : `${whole},${String(frac).padStart(2, "0")}`;
}

/** What a user typed as money, in đồng, or null when it is not plain money. */
export function parseMoney(text: string): bigint | null {
  const s = text.trim().replace(/\s|đ$/g, "");
  if (!/^\d{1,3}(\.\d{3})*$|^\d+$/.test(s)) return null;
  return BigInt(s.replace(/\./g, ""));
}

/** What a user typed as a quantity, in hundredths, or null. */
export function parseQuantity(text: string): bigint | null {
  const s = text.trim().replace(/\s/g, "");
  const m = /^(\d{1,3}(?:\.\d{3})*|\d+)(?:,(\d{1,2}))?$/.exec(s);
  if (!m || m[1] === undefined) return null;
  const whole = BigInt(m[1].replace(/\./g, ""));
  const frac = m[2] === undefined ? 0n : BigInt(m[2].padEnd(2, "0"));
  return whole * 100n + frac;
}

/** quantity × unit price rounded half up, as the Rust side computes it. */
export function lineAmount(quantityCenti: bigint, unitPrice: bigint): bigint {
  return (quantityCenti * unitPrice + 50n) / 100n;
}
