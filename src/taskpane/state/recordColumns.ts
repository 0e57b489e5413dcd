import type { HistoryRecord } from "../../engine/history";

/**
 * A history's records as columns of numbers, which a worker hands to the page without copying
 * (their buffers are transferred): years, months and amounts as typed arrays, each dimension's
 * members and each amount cell's column letters as an index into a list of texts. Copying 100,000
 * record objects between threads would block the page for longer than reading them.
 */
export type RecordColumns = {
  count: number;
  year: Int16Array;
  month: Uint8Array;
  amount: Float64Array;
  /** NaN where the record has none. */
  quantity: Float64Array;
  /** NaN where the record has none. */
  cost: Float64Array;
  transaction: Uint8Array;
  /** The amount cell: column letters (index into `letters`) and row number. */
  cellLetters: Int32Array;
  cellRow: Int32Array;
  letters: string[];
  /** Per dimension key: each record's member as an index into `members[key]`, −1 when absent. */
  dims: Record<string, Int32Array>;
  members: Record<string, string[]>;
};

/** Index of a text in a list, added when new. */
function indexer(): { list: string[]; of(text: string): number } {
  const list: string[] = [];
  const seen = new Map<string, number>();
  return {
    list,
    of(text) {
      let index = seen.get(text);
      if (index === undefined) {
        index = list.length;
        list.push(text);
        seen.set(text, index);
      }
      return index;
    },
  };
}

/**
 * Records as columns (see `RecordColumns`).
 * @example decodeRecords(encodeRecords(records)) deep-equals records
 */
export function encodeRecords(records: readonly HistoryRecord[]): RecordColumns {
  const count = records.length;
  const columns: RecordColumns = {
    count,
    year: new Int16Array(count),
    month: new Uint8Array(count),
    amount: new Float64Array(count),
    quantity: new Float64Array(count),
    cost: new Float64Array(count),
    transaction: new Uint8Array(count),
    cellLetters: new Int32Array(count),
    cellRow: new Int32Array(count),
    letters: [],
    dims: {},
    members: {},
  };
  const letters = indexer();
  const members = new Map<string, ReturnType<typeof indexer>>();
  records.forEach((record, i) => {
    columns.year[i] = record.year;
    columns.month[i] = record.month;
    columns.amount[i] = record.amount;
    columns.quantity[i] = record.quantity ?? Number.NaN;
    columns.cost[i] = record.cost ?? Number.NaN;
    columns.transaction[i] = record.transaction ? 1 : 0;
    const cell = /^([A-Z]+)(\d+)$/.exec(record.cell);
    if (!cell) throw new Error(`not an A1 cell address: "${record.cell}"`);
    columns.cellLetters[i] = letters.of(cell[1]);
    columns.cellRow[i] = Number(cell[2]);
    for (const [key, member] of Object.entries(record.dims)) {
      if (member === undefined) continue;
      let list = members.get(key);
      if (!list) {
        list = indexer();
        members.set(key, list);
        columns.dims[key] = new Int32Array(count).fill(-1);
      }
      columns.dims[key][i] = list.of(member);
    }
  });
  columns.letters = letters.list;
  for (const [key, list] of members) columns.members[key] = list.list;
  return columns;
}

/** The buffers of encoded records, to transfer rather than copy. */
export function recordBuffers(columns: RecordColumns): ArrayBuffer[] {
  return [
    columns.year,
    columns.month,
    columns.amount,
    columns.quantity,
    columns.cost,
    columns.transaction,
    columns.cellLetters,
    columns.cellRow,
    ...Object.values(columns.dims),
  ].map((array) => array.buffer as ArrayBuffer);
}

/**
 * Turns columns back into records, piece by piece (`decode(first, end)`). Records with the same
 * members share one frozen `dims` object: a history of 100,000 rows has a few thousand
 * combinations of members, and one object per combination keeps the page's memory, and its garbage
 * collection's pauses, small.
 */
export function recordDecoder(
  columns: RecordColumns,
): (first?: number, end?: number) => HistoryRecord[] {
  const keys = Object.keys(columns.dims);
  const codes = keys.map((key) => columns.dims[key]);
  const names = keys.map((key) => columns.members[key]);
  // A combination's number: each dimension's member (+1, 0 for none) in mixed radix, while exact.
  const radix = names.map((list) => list.length + 1);
  const exact = radix.reduce((product, r) => product * r, 1) <= Number.MAX_SAFE_INTEGER;
  const shared = new Map<number | string, Partial<Record<string, string>>>();
  const dimsAt = (i: number) => {
    let key: number | string = 0;
    if (exact)
      for (let k = 0; k < codes.length; k++) key = (key as number) * radix[k] + codes[k][i] + 1;
    else key = codes.map((code) => code[i]).join(",");
    let dims = shared.get(key);
    if (!dims) {
      const made: Record<string, string> = {};
      for (let k = 0; k < codes.length; k++) {
        const member = codes[k][i];
        if (member >= 0) made[keys[k]] = names[k][member];
      }
      dims = Object.freeze(made);
      shared.set(key, dims);
    }
    return dims;
  };
  return (first = 0, end = columns.count) => {
    const last = Math.min(end, columns.count);
    const records = new Array<HistoryRecord>(Math.max(0, last - first));
    for (let i = first; i < last; i++) {
      const year = columns.year[i];
      const month = columns.month[i];
      const amount = columns.amount[i];
      const dims = dimsAt(i);
      const cell = `${columns.letters[columns.cellLetters[i]]}${columns.cellRow[i]}`;
      const transaction = columns.transaction[i] === 1;
      const quantity = columns.quantity[i];
      const cost = columns.cost[i];
      // One literal per set of fields: a record's shape fixed when made, none added after.
      const hasQuantity = !Number.isNaN(quantity);
      const hasCost = !Number.isNaN(cost);
      records[i - first] =
        hasQuantity && hasCost
          ? { year, month, amount, quantity, cost, dims, cell, transaction }
          : hasQuantity
            ? { year, month, amount, quantity, dims, cell, transaction }
            : hasCost
              ? { year, month, amount, cost, dims, cell, transaction }
              : { year, month, amount, dims, cell, transaction };
    }
    return records;
  };
}

/**
 * The records back from columns, each as the reader made it (optional fields only when set); the
 * records from `first` up to (not including) `end`, all by default.
 */
export function decodeRecords(
  columns: RecordColumns,
  first = 0,
  end = columns.count,
): HistoryRecord[] {
  return recordDecoder(columns)(first, end);
}
