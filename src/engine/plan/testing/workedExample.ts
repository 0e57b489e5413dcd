import type { HistoryRecord } from "../../history";

/** The pooled month shares of DESIGN.md's worked example, in percent. */
export const WORKED_EXAMPLE_SHARES = [5, 4, 8, 8, 9, 10, 7, 7, 9, 10, 11, 12];

/**
 * The worked example's history: 2023–2025, monthly, Ann and Bo in East, Cy in West, every year
 * following the same seasonality; 2025 net sales Ann 120,000, Bo 60,000, Cy 96,000.
 */
export function workedExampleRecords(): HistoryRecord[] {
  const annual: Record<string, { region: string; byYear: Record<number, number> }> = {
    Ann: { region: "East", byYear: { 2023: 100000, 2024: 110000, 2025: 120000 } },
    Bo: { region: "East", byYear: { 2023: 50000, 2024: 55000, 2025: 60000 } },
    Cy: { region: "West", byYear: { 2023: 80000, 2024: 90000, 2025: 96000 } },
  };
  const records: HistoryRecord[] = [];
  let row = 2;
  for (const [rep, { region, byYear }] of Object.entries(annual)) {
    for (const [year, total] of Object.entries(byYear)) {
      WORKED_EXAMPLE_SHARES.forEach((pct, i) => {
        records.push({
          year: Number(year),
          month: i + 1,
          amount: (total * pct) / 100,
          dims: { region, rep },
          cell: `D${row++}`,
          transaction: true,
        });
      });
    }
  }
  return records;
}
