import { allocateByLargestRemainder } from "../rounding";

/** A child to receive units: its weight and optional whole-unit bounds. */
export type BoundedChild = { key: string; weight: number; min?: number; max?: number };

export type BoundsOutcome =
  | { ok: true; units: number[] }
  | { ok: false; reason: "bounds-infeasible"; minTotal: number; maxTotal: number };

/**
 * Splits `total` whole units over weighted children so that each child stays within its bounds:
 * a child outside its bound is set to the bound and the excess spread again over the others,
 * until every bound holds. The fixed point of that process is x = clamp(λ·w, min, max) with λ
 * chosen so the parts sum to the total; it is found exactly over λ's breakpoints, then the free
 * children are rounded by the largest remainder, so bounds hold and the sum is exact.
 * @example distributeWithBounds(100, [{key:"a",weight:3,max:50},{key:"b",weight:1}]) → { ok: true, units: [50, 50] }
 */
export function distributeWithBounds(
  total: number,
  children: readonly BoundedChild[],
): BoundsOutcome {
  const n = children.length;
  const lo = children.map((c) => Math.max(0, c.min ?? 0));
  const hi = children.map((c) => (c.max === undefined ? Infinity : c.max));
  const minTotal = lo.reduce((s, v) => s + v, 0);
  const maxTotal = hi.reduce((s, v) => s + v, 0);
  if (n === 0 || lo.some((l, i) => l > hi[i]) || total < minTotal || total > maxTotal) {
    if (n === 0 && total === 0) return { ok: true, units: [] };
    return { ok: false, reason: "bounds-infeasible", minTotal, maxTotal };
  }
  const anyWeight = children.some((c) => c.weight > 0);
  let w = children.map((c) => (anyWeight ? Math.max(0, c.weight) : 1));
  // Weights so small that a bound divided by one overflows (a subnormal amount of 5e-324) are
  // taken relative to the largest: only the ratios count, and every breakpoint stays finite.
  if (
    w.some((wi, i) => wi > 0 && !Number.isFinite((Number.isFinite(hi[i]) ? hi[i] : lo[i] + 1) / wi))
  ) {
    const largest = Math.max(...w);
    w = w.map((wi) => wi / largest);
  }
  const sumAt = (lambda: number) =>
    w.reduce((s, wi, i) => s + Math.min(hi[i], Math.max(lo[i], lambda * wi)), 0);

  // Breakpoints of the piecewise-linear, non-decreasing sum(λ).
  const points = new Set<number>([0]);
  w.forEach((wi, i) => {
    if (wi > 0) {
      points.add(lo[i] / wi);
      if (Number.isFinite(hi[i])) points.add(hi[i] / wi);
    }
  });
  const sorted = [...points].sort((a, b) => a - b);
  let lambda: number;
  if (sumAt(sorted[sorted.length - 1]) <= total) {
    // Past the last breakpoint the sum grows linearly with the unbounded children's weights.
    const last = sorted[sorted.length - 1];
    const slope = w.reduce((s, wi, i) => s + (hi[i] === Infinity ? wi : 0), 0);
    lambda = slope > 0 ? last + (total - sumAt(last)) / slope : last;
  } else {
    let k = 0;
    while (sumAt(sorted[k + 1]) < total) k++;
    const a = sorted[k];
    const b = sorted[k + 1];
    const sa = sumAt(a);
    const sb = sumAt(b);
    lambda = sb === sa ? a : a + ((total - sa) * (b - a)) / (sb - sa);
  }

  const units = new Array<number>(n).fill(0);
  const free: number[] = [];
  let fixedTotal = 0;
  for (let i = 0; i < n; i++) {
    const x = lambda * w[i];
    if (x <= lo[i]) {
      units[i] = lo[i];
      fixedTotal += lo[i];
    } else if (x >= hi[i]) {
      units[i] = hi[i];
      fixedTotal += hi[i];
    } else {
      free.push(i);
    }
  }
  if (free.length === 0) {
    // Float noise at a breakpoint: release the bounded children the remainder can move.
    return fixedTotal === total
      ? { ok: true, units }
      : roundAllBounded(total, children, lo, hi, w, lambda);
  }
  const split = allocateByLargestRemainder(
    total - fixedTotal,
    free.map((i) => ({ key: children[i].key, weight: w[i] })),
  );
  let clean = true;
  free.forEach((i, k) => {
    units[i] = split[k];
    if (units[i] < lo[i] || units[i] > hi[i]) clean = false;
  });
  return clean ? { ok: true, units } : roundAllBounded(total, children, lo, hi, w, lambda);
}

/**
 * Exact fallback for the float edge where λ sits on a breakpoint: clamp the floors of λ·w to the
 * bounds, then move the few units still missing one at a time, largest fractional part first,
 * among the children with room (the key, in code-point order, breaks ties).
 */
function roundAllBounded(
  total: number,
  children: readonly BoundedChild[],
  lo: number[],
  hi: number[],
  w: number[],
  lambda: number,
): BoundsOutcome {
  const exact = w.map((wi, i) => Math.min(hi[i], Math.max(lo[i], wi > 0 ? lambda * wi : 0)));
  const units = exact.map((x) => Math.floor(x));
  let left = total - units.reduce((s, v) => s + v, 0);
  const order = units.map((_, i) => i);
  const step = left > 0 ? 1 : -1;
  order.sort((a, b) => {
    const d = step * (exact[b] - units[b] - (exact[a] - units[a]));
    return d !== 0 ? d : children[a].key < children[b].key ? -1 : 1;
  });
  // A sum that is no number (bounds past what a double holds) can never be met: no endless loop.
  while (left !== 0 && Number.isFinite(left)) {
    let moved = false;
    for (const i of order) {
      if (left === 0) break;
      const next = units[i] + step;
      if (next < lo[i] || next > hi[i]) continue;
      units[i] = next;
      left -= step;
      moved = true;
    }
    if (!moved) break;
  }
  return left === 0
    ? { ok: true, units }
    : { ok: false, reason: "bounds-infeasible", minTotal: total, maxTotal: total };
}
