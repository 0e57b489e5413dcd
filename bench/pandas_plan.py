#!/usr/bin/env python3
"""The peer of `stp plan` in the benchmark: the same plan, done the way a pandas user would.

Reads the history CSV, aggregates, splits the target region -> product -> rep by last year with
largest-remainder rounding, spreads each leaf over the months by the company's seasonality, tracks
the closed months with a rolling re-forecast, and writes the same result JSON plus an .xlsx with
the allocation and tracking sheets (xlsxwriter). Only what the benchmark's plan uses is supported.
"""
import argparse
import functools
import json
import math

import pandas as pd

TOL = 1e-9


def round_half_up(x):
    return math.floor(x + 0.5 + TOL * max(1.0, abs(x)))


def round_cents(x):
    r = round(x * 100) / 100
    return 0.0 if r == 0 else r


def largest_remainder(total, children):
    """children: list of (key, weight). Same rule as the product: Hamilton, ties by quota then key."""
    if not children:
        return []
    weight_sum = sum(w for _, w in children)
    weights = [w for _, w in children] if weight_sum > 0 else [1.0] * len(children)
    if weight_sum <= 0:
        weight_sum = float(len(children))
    quotas = [total * w / weight_sum for w in weights]
    floors = [math.floor(q + TOL * max(1.0, q)) for q in quotas]
    assigned = sum(floors)
    while assigned > total:
        i = next(k for k, f in enumerate(floors) if f > quotas[k])
        floors[i] -= 1
        assigned -= 1
    leftover = total - assigned
    if leftover > 0:
        frac = [q - f for q, f in zip(quotas, floors)]

        def compare(a, b):
            df = frac[b] - frac[a]
            if abs(df) > TOL:
                return -1 if df < 0 else 1
            dq = quotas[b] - quotas[a]
            if abs(dq) > TOL * max(1.0, quotas[a], quotas[b]):
                return -1 if dq < 0 else 1
            ka, kb = children[a][0], children[b][0]
            return -1 if ka < kb else (1 if ka > kb else 0)

        order = sorted(range(len(children)), key=functools.cmp_to_key(compare))
        for k in range(leftover):
            floors[order[k % len(order)]] += 1
    return floors


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--history", required=True)
    parser.add_argument("--plan", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--json", required=True)
    args = parser.parse_args()

    with open(args.plan, encoding="utf-8") as f:
        plan = json.load(f)
    year = plan["planYear"]
    unit = plan.get("rounding", {}).get("unit", 1)
    window = plan.get("time", {}).get("years", 3)
    levels = [level["dimension"] for level in plan["levels"]]
    column_of = {"region": "Region", "product": "Product Line", "rep": "Sales Rep", "channel": "Channel"}

    df = pd.read_csv(
        args.history,
        usecols=["Order Date"] + [column_of[d] for d in levels] + ["Net Sales"],
        dtype={column_of[d]: "string" for d in levels},
        encoding="utf-8-sig",
    )
    dates = pd.to_datetime(df["Order Date"], format="%Y-%m-%d")
    df["year"] = dates.dt.year
    df["month"] = dates.dt.month
    df = df.rename(columns={column_of[d]: d for d in levels} | {"Net Sales": "amount"})

    past = df[df["year"] < year]
    actual = df[df["year"] == year]
    base_year = past[past["year"] == year - 1]
    base = round_cents(float(base_year["amount"].sum()))
    target_units = max(0, round_half_up(base * (1 + plan["target"]["growth"]) / unit))

    in_window = past[past["year"] >= year - window]
    monthly = in_window.groupby("month")["amount"].sum().reindex(range(1, 13), fill_value=0.0).clip(lower=0)
    shares = (monthly / monthly.sum()).tolist()

    base_net = base_year.groupby(levels)["amount"].sum()
    rows_any = past.groupby(levels).size()
    base_by_path = {k if isinstance(k, tuple) else (k,): float(v) for k, v in base_net.items()}
    any_by_path = {k if isinstance(k, tuple) else (k,) for k in rows_any.index}

    def children_of(prefix):
        depth = len(prefix)
        kids = {}
        for path, value in base_by_path.items():
            if path[:depth] == prefix:
                kids[path[depth]] = kids.get(path[depth], 0.0) + value
        members = {k: v for k, v in kids.items() if v > 0}
        if not members:
            members = {path[depth]: 1.0 for path in any_by_path if path[:depth] == prefix}
        return sorted(members.items())

    leaves = []

    def split(prefix, units):
        if len(prefix) == len(levels):
            leaves.append((prefix, units))
            return
        kids = children_of(prefix)
        if not kids:
            leaves.append((prefix, units))
            return
        parts = largest_remainder(units, kids)
        for (member, _), part in zip(kids, parts):
            split(prefix + (member,), part)

    split((), target_units)
    month_keys = [f"{m:02d}" for m in range(1, 13)]
    rows = []
    for path, units in leaves:
        months = largest_remainder(units, list(zip(month_keys, shares)))
        rows.append((path, units, months))

    closed = int(actual["month"].max()) if len(actual) else 0
    actual_by = actual[actual["month"] <= closed].groupby(levels + ["month"])["amount"].sum()
    actual_map = {}
    for key, value in actual_by.items():
        actual_map.setdefault(tuple(key[:-1]), {})[int(key[-1])] = float(value)

    def keys(path):
        return {d: (path[i] if i < len(path) else None) for i, d in enumerate(levels)}

    tracking = []
    if closed > 0:
        for path, units, months in rows:
            got = actual_map.get(path, {})
            ytd_target, ytd_actual = 0, 0.0
            for m in range(1, closed + 1):
                t = months[m - 1] * unit
                a = round_cents(got.get(m, 0.0))
                ytd_target += t
                ytd_actual = round_cents(ytd_actual + a)
                tracking.append(keys(path) | {
                    "period": f"{year}-{m:02d}", "status": "closed", "target": t, "actual": a,
                    "variance": round_cents(a - t), "attainment": None if t == 0 else a / t,
                    "ytdTarget": ytd_target, "ytdActual": ytd_actual, "reforecast": None,
                })
            open_months = list(range(closed + 1, 13))
            remaining = max(0, round_half_up((units * unit - ytd_actual) / unit))
            split_open = largest_remainder(remaining if open_months else 0, [(f"{m:02d}", shares[m - 1]) for m in open_months])
            for m, r in zip(open_months, split_open):
                tracking.append(keys(path) | {
                    "period": f"{year}-{m:02d}", "status": "open", "target": months[m - 1] * unit, "actual": None,
                    "variance": None, "attainment": None, "ytdTarget": None, "ytdActual": None, "reforecast": r * unit,
                })

    result = {
        "target": target_units * unit, "base": base, "unit": unit,
        "periods": [f"{year}-{m:02d}" for m in range(1, 13)], "shares": shares,
        "rows": [keys(p) | {"annual": u * unit, "months": [m * unit for m in ms]} for p, u, ms in rows],
        "tracking": tracking,
    }
    with open(args.json, "w", encoding="utf-8") as f:
        json.dump(result, f, ensure_ascii=False)

    allocation = pd.DataFrame(
        [list(p) + [m * unit for m in ms] + [u * unit] for p, u, ms in rows],
        columns=[d.title() for d in levels] + [f"{year}-{m:02d}" for m in range(1, 13)] + ["Annual"],
    )
    with pd.ExcelWriter(args.out, engine="xlsxwriter") as writer:
        allocation.to_excel(writer, sheet_name="Allocation", index=False)
        pd.DataFrame(tracking).to_excel(writer, sheet_name="Tracking", index=False)


if __name__ == "__main__":
    main()
