/**
 * A number with thousands separators, as both languages write amounts: whole, or to the cent.
 * @example formatAmount(1234567.5) === "1,234,567.50"; formatAmount(-300) === "-300"
 */
export function formatAmount(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const rounded = Math.round(value * 100) / 100;
  const [whole, fraction] = Math.abs(rounded).toString().split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${rounded < 0 ? "-" : ""}${grouped}${fraction ? `.${fraction.padEnd(2, "0")}` : ""}`;
}
