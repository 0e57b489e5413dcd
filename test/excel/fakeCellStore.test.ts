import fc from "fast-check";
import { CellStore, DEFAULT_FORMAT, type FakeCell } from "../support/excelFake/workbookState";

/** A plain model of what the store must answer: one object per cell, nothing dropped but blanks. */
type Change =
  | { kind: "value"; key: number; value: string | number | boolean }
  | { kind: "numberFormat"; key: number; format: string }
  | { kind: "formula"; key: number; formula: string }
  | { kind: "bold"; key: number }
  | { kind: "clear"; key: number }
  | { kind: "delete"; key: number };

const key = fc.integer({ min: 0, max: 6 });
const change: fc.Arbitrary<Change> = fc.oneof(
  fc.record({
    kind: fc.constant("value" as const),
    key,
    value: fc.oneof(fc.constantFrom("", "East", "=1"), fc.double({ noNaN: true }), fc.boolean()),
  }),
  fc.record({
    kind: fc.constant("numberFormat" as const),
    key,
    format: fc.constantFrom("General", "yyyy-mm-dd", "#,##0"),
  }),
  fc.record({ kind: fc.constant("formula" as const), key, formula: fc.constant("=A1") }),
  fc.record({ kind: fc.constant("bold" as const), key }),
  fc.record({ kind: fc.constant("clear" as const), key }),
  fc.record({ kind: fc.constant("delete" as const), key }),
);

function apply(cell: FakeCell, c: Change): void {
  if (c.kind === "value") {
    cell.value = c.value;
    delete cell.formula;
  } else if (c.kind === "numberFormat") cell.numberFormat = c.format;
  else if (c.kind === "formula") {
    cell.value = "";
    cell.formula = c.formula;
  } else if (c.kind === "bold") cell.format = { bold: true };
  else if (c.kind === "clear") {
    cell.value = "";
    delete cell.formula;
    cell.numberFormat = "General";
    cell.format = DEFAULT_FORMAT;
  }
}

function blank(cell: FakeCell): boolean {
  return (
    cell.value === "" &&
    cell.formula === undefined &&
    cell.numberFormat === "General" &&
    Object.keys(cell.format).length === 0
  );
}

const seen = (cell: FakeCell | undefined) =>
  cell && {
    value: cell.value,
    formula: cell.formula,
    numberFormat: cell.numberFormat,
    format: { ...cell.format },
  };

describe("the in-memory workbook's cell store", () => {
  it("answers every read as a map of cell objects would, whichever way it keeps a cell", () => {
    fc.assert(
      fc.property(fc.array(change, { maxLength: 40 }), (changes) => {
        const store = new CellStore();
        const model = new Map<number, FakeCell>();
        for (const c of changes) {
          if (c.kind === "delete") {
            store.delete(c.key);
            model.delete(c.key);
            continue;
          }
          apply(store.forWrite(c.key), c);
          store.settle(c.key);
          const cell = model.get(c.key) ?? {
            value: "",
            numberFormat: "General",
            format: DEFAULT_FORMAT,
          };
          apply(cell, c);
          if (blank(cell)) model.delete(c.key);
          else model.set(c.key, cell);
        }
        expect(store.size).toBe(model.size);
        for (let k = 0; k <= 6; k++) {
          expect(seen(store.get(k))).toEqual(seen(model.get(k)));
          expect(seen(store.peek(k))).toEqual(seen(model.get(k)));
        }
        const entries = [...store.entries()].map(([k, cell]) => [k, seen(cell)]);
        expect(entries.sort(([a], [b]) => Number(a) - Number(b))).toEqual(
          [...model.entries()]
            .map(([k, cell]) => [k, seen(cell)])
            .sort(([a], [b]) => Number(a) - Number(b)),
        );
        const used = (valuesOnly: boolean) =>
          [...model.entries()]
            .filter(
              ([, cell]) =>
                cell.value !== "" ||
                cell.formula !== undefined ||
                (!valuesOnly &&
                  (cell.numberFormat !== "General" || Object.keys(cell.format).length > 0)),
            )
            .map(([k]) => k)
            .sort();
        expect([...store.usedKeys(true)].sort()).toEqual(used(true));
        expect([...store.usedKeys(false)].sort()).toEqual(used(false));
      }),
    );
  });

  it("keeps a cell of a value and a number format without an object of its own", () => {
    const store = new CellStore();
    const cell = store.forWrite(7);
    cell.value = 45292;
    cell.numberFormat = "yyyy-mm-dd";
    store.settle(7);
    // A bare cell is read as a copy: changing the copy changes nothing stored.
    const copy = store.get(7)!;
    expect(copy).not.toBe(store.get(7));
    copy.value = 1;
    expect(store.get(7)).toEqual({
      value: 45292,
      numberFormat: "yyyy-mm-dd",
      format: DEFAULT_FORMAT,
    });
    // A cell with a look stays the object written.
    store.forWrite(8).format = { bold: true };
    store.settle(8);
    expect(store.get(8)).toBe(store.get(8));
  });
});
