/** A child of a split: its key (the tie-breaker) and its non-negative weight. */
export type WeightedKey = { key: string; weight: number };

/** Relative tolerance under which two fractional parts or quotas count as equal. */
const TIE_TOLERANCE = 1e-9;

/**
 * Rounds half up (towards +∞ at .5), forgiving the float noise of a product like 276000 × 1.1.
 * @example roundHalfUp(2.5) === 3; roundHalfUp(3036.0000000000005) === 3036; roundHalfUp(-2.5) === -2
 */
export function roundHalfUp(x: number): number {
  return Math.floor(x + 0.5 + TIE_TOLERANCE * Math.max(1, Math.abs(x)));
}

function compareCodePoints(a: string, b: string): number {
  // String comparison in JS is by UTF-16 code units; compare by code points for astral characters.
  const ca = Array.from(a);
  const cb = Array.from(b);
  const n = Math.min(ca.length, cb.length);
  for (let i = 0; i < n; i++) {
    const d = (ca[i].codePointAt(0) ?? 0) - (cb[i].codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
  return ca.length - cb.length;
}

/**
 * Orders strings by Unicode code point (the product's canonical order for members and keys).
 * @example ["b", "B", "华东"].sort(byCodePoint) → ["B", "b", "华东"]
 */
export function byCodePoint(a: string, b: string): number {
  return compareCodePoints(a, b);
}

/**
 * Splits a whole number of units among weighted children by the largest remainder (Hamilton)
 * method: exact quotas, floors, then the leftover units one each to the largest fractional parts
 * (ties: the larger exact quota, then the key in code-point order). The result sums exactly to
 * `total` and each part is within one unit of its exact quota. When every weight is zero the
 * children share equally.
 * @example allocateByLargestRemainder(10, [{key:"a",weight:1},{key:"b",weight:1},{key:"c",weight:1}])
 *   → [4, 3, 3]
 */
export function allocateByLargestRemainder(
  total: number,
  children: readonly WeightedKey[],
): number[] {
  if (!Number.isInteger(total))
    throw new RangeError(`total must be a whole number of units: ${total}`);
  if (children.length === 0) {
    if (total !== 0) throw new RangeError(`cannot split ${total} units among no children`);
    return [];
  }
  for (const c of children) {
    if (!(c.weight >= 0) || !Number.isFinite(c.weight)) {
      throw new RangeError(`weight of "${c.key}" must be finite and non-negative: ${c.weight}`);
    }
  }
  let weightSum = children.reduce((s, c) => s + c.weight, 0);
  const weights = weightSum > 0 ? children.map((c) => c.weight) : children.map(() => 1);
  if (weightSum <= 0) weightSum = children.length;
  const sign = total < 0 ? -1 : 1;
  const magnitude = Math.abs(total);
  const quotas = weights.map((w) => (magnitude * w) / weightSum);
  const floors = quotas.map((q) => Math.floor(q + TIE_TOLERANCE * Math.max(1, q)));
  // A quota a hair below an integer (float noise) counts as that integer; never exceed the total.
  let assigned = floors.reduce((s, f) => s + f, 0);
  while (assigned > magnitude) {
    const i = floors.findIndex((f, k) => f > quotas[k]);
    floors[i] -= 1;
    assigned -= 1;
  }
  const leftover = magnitude - assigned;
  if (leftover > 0) {
    const order = children.map((_, i) => i);
    const frac = quotas.map((q, i) => q - floors[i]);
    order.sort((a, b) => {
      const df = frac[b] - frac[a];
      if (Math.abs(df) > TIE_TOLERANCE) return df;
      const dq = quotas[b] - quotas[a];
      if (Math.abs(dq) > TIE_TOLERANCE * Math.max(1, quotas[a], quotas[b])) return dq;
      return compareCodePoints(children[a].key, children[b].key);
    });
    for (let k = 0; k < leftover; k++) floors[order[k % order.length]] += 1;
  }
  return floors.map((f) => sign * f);
}

/**
 * Whole units at or below an amount, forgiving float noise (0.7 × 100 counts as 70).
 * @example floorUnits(156000.00000000003, 100) === 1560
 */
export function floorUnits(amount: number, unit: number): number {
  const x = amount / unit;
  return Math.floor(x + TIE_TOLERANCE * Math.max(1, Math.abs(x)));
}

/**
 * Whole units at or above an amount, forgiving float noise.
 * @example ceilUnits(69.99999999999999, 1) === 70
 */
export function ceilUnits(amount: number, unit: number): number {
  const x = amount / unit;
  return Math.ceil(x - TIE_TOLERANCE * Math.max(1, Math.abs(x)));
}
