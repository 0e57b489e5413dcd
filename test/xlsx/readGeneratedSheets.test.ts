import fc from "fast-check";
import { promises as fsp } from "node:fs";
import JSZip from "jszip";
import { toA1 } from "../../src/engine/address";
import type { CellValue } from "../../src/engine/grid";
import { ACTION_USER_COLUMNS } from "../../src/sheets/actionRows";
import { carryUserCells } from "../../src/sheets/carryUserCells";
import type { SheetCell, SheetModel } from "../../src/sheets/sheetModel";
import { planStoreSheet } from "../../src/sheets/planStoreSheet";
import {
  KEY_COLUMN_ID,
  rowKey,
  rowSignature,
  SIGNATURE_COLUMN_ID,
} from "../../src/sheets/rowSignature";
import { foldSheetName } from "../../src/sheets/sheetNames";
import { FileAccessError } from "../../src/xlsx/fileErrors";
import { readGeneratedSheets, readListedSheets } from "../../src/xlsx/readGeneratedSheets";
import { readSheetValues } from "../../src/xlsx/readSheetValues";
import {
  openWorkbookPackage,
  readPackageWorkbook,
  readSharedStrings,
} from "../../src/xlsx/workbookPackage";
import { SKIP_ELEMENT, XmlScanner } from "../../src/xlsx/xmlScanner";
import { tempFolder } from "../cli/runStp";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

type Part = { name: string; xml: string; state?: string };

/** The plan store's rows as cells with inline strings, as openpyxl would hold them. */
function storeRows(sheets: { name: string; kind: string; key?: string }[]): string {
  const model = planStoreSheet({ plan: '{"version":1}', sheets });
  return sheetXml(model.rows.map((row) => row.map((cell) => String(cell?.value ?? ""))));
}

/**
 * A package as other writers lay it out: workbook not at xl/workbook.xml, sheets with a namespace
 * prefix, shared strings with rich-text and phonetic runs, cells and rows without addresses.
 */
async function foreignPackage(
  sheets: Part[],
  sharedStrings: string,
  extra: Record<string, string> = {},
): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(extra)) zip.file(name, text);
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="/book/main.xml"/></Relationships>`,
  );
  zip.file(
    "book/main.xml",
    `<?xml version="1.0"?><!-- written by hand --><x:workbook xmlns:x="${MAIN}" xmlns:rel="${REL}"><x:sheets>` +
      sheets
        .map(
          (s, i) =>
            `<x:sheet name="${s.name.replace(/&/g, "&amp;")}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} rel:id="rId${i + 1}"/>`,
        )
        .join("") +
      `</x:sheets></x:workbook>`,
  );
  zip.file(
    "book/_rels/main.xml.rels",
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      sheets
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="sheets/s${i + 1}.xml"/>`,
        )
        .join("") +
      `<Relationship Id="rId99" Type="${REL}/sharedStrings" Target="../book/strings.xml"/>` +
      `</Relationships>`,
  );
  zip.file("book/strings.xml", sharedStrings);
  sheets.forEach((s, i) =>
    zip.file(
      `book/sheets/s${i + 1}.xml`,
      `<?xml version="1.0"?><x:worksheet xmlns:x="${MAIN}"><x:sheetData>${s.xml}</x:sheetData></x:worksheet>`,
    ),
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

describe("readGeneratedSheets", () => {
  test("reads tab order, states, the store and the listed sheets as other writers save them", async () => {
    const shared =
      `<sst xmlns="${MAIN}"><si><t>Ann</t></si>` +
      `<si><r><t>North</t></r><r><rPr><b/></rPr><t xml:space="preserve"> &amp; East</t></r><rPh><t>ノース</t></rPh></si>` +
      `<si><t>note_x000D_two</t></si></sst>`;
    const action =
      // Row 1 has no `r`; its cells neither: they take A1, B1, C1, D1, E1.
      `<x:row><x:c t="inlineStr"><x:is><x:t>rep</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>period</x:t></x:is></x:c>` +
      `<x:c t="inlineStr"><x:is><x:t>note</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>${KEY_COLUMN_ID}</x:t></x:is></x:c>` +
      `<x:c t="inlineStr"><x:is><x:t>${SIGNATURE_COLUMN_ID}</x:t></x:is></x:c></x:row>` +
      // Row 2: shared strings, a formula's text result, a boolean past an unnamed column.
      `<x:row r="2"><x:c r="A2" t="s"><x:v>0</x:v></x:c><x:c r="B2" t="str"><x:f>TEXT(1,"0")</x:f><x:v>2026-01</x:v></x:c>` +
      `<x:c r="C2" t="s"><x:v>2</x:v></x:c><x:c r="D2" t="s"><x:v>1</x:v></x:c><x:c r="E2"><x:v>12.5</x:v></x:c>` +
      `<x:c r="G2" t="b"><x:v>1</x:v></x:c></x:row>` +
      // Row 3 without `r` follows row 2; an error value, an empty formula result, a CDATA note.
      `<x:row><x:c r="A3" t="e"><x:v>#N/A</x:v></x:c><x:c r="B3" t="str"><x:f>""</x:f><x:v></x:v></x:c>` +
      `<x:c r="C3" t="inlineStr"><x:is><x:t><![CDATA[a <b> & c]]></x:t></x:is></x:c></x:row>` +
      // Row 4: an ISO date cell (openpyxl's iso_dates) and an absolute reference.
      `<x:row r="4"><x:c r="A4" t="d"><x:v>2026-01-02T00:00:00</x:v></x:c><x:c r="$B$4"><x:v>7</x:v></x:c></x:row>`;
    const store = storeRows([{ name: "Action & Plan", kind: "action-plan" }]);
    const bytes = await foreignPackage(
      [
        { name: "History", xml: `<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row>` },
        { name: "Action & Plan", xml: action },
        { name: "Mine", xml: "", state: "hidden" },
        { name: "_stp_plan", xml: store, state: "veryHidden" },
      ],
      shared,
    );
    const folder = await tempFolder();
    try {
      const file = folder.file("plan.xlsx");
      await fsp.writeFile(file, bytes);
      const read = await readGeneratedSheets(file);
      expect(read.sheets).toEqual([
        { name: "History", state: "visible" },
        { name: "Action & Plan", state: "visible" },
        { name: "Mine", state: "hidden" },
        { name: "_stp_plan", state: "veryHidden" },
      ]);
      expect(read.store).toEqual({
        plan: '{"version":1}',
        sheets: [{ name: "Action & Plan", kind: "action-plan" }],
      });
      // Only the sheets the store lists are read.
      expect([...read.values.keys()]).toEqual([foldSheetName("Action & Plan")]);
      expect(read.values.get(foldSheetName("Action & Plan"))).toEqual([
        ["rep", "period", "note", KEY_COLUMN_ID, SIGNATURE_COLUMN_ID],
        // Column G has no id: carrying never reads it, so it is not kept.
        ["Ann", "2026-01", "note\rtwo", "North & East", 12.5],
        ["#N/A", null, "a <b> & c"],
        [46024, 7],
      ]);
    } finally {
      await folder.remove();
    }
  });

  test("stops at 500 rows a listed sheet without a row of column ids", async () => {
    const rows = Array.from(
      { length: 2000 },
      (_, r) => `<x:row r="${r + 1}"><x:c r="A${r + 1}"><x:v>${r}</x:v></x:c></x:row>`,
    ).join("");
    const bytes = await foreignPackage(
      [
        { name: "Tracking", xml: rows },
        {
          name: "_stp_plan",
          xml: storeRows([{ name: "Tracking", kind: "tracking" }]),
          state: "veryHidden",
        },
      ],
      `<sst xmlns="${MAIN}"/>`,
    );
    const folder = await tempFolder();
    try {
      const file = folder.file("plan.xlsx");
      await fsp.writeFile(file, bytes);
      const values = (await readGeneratedSheets(file)).values.get(foldSheetName("Tracking"))!;
      expect(values).toHaveLength(500);
      expect(values[499]).toEqual([499]);
    } finally {
      await folder.remove();
    }
  });

  test("a workbook without a plan store gives its sheets and no values", async () => {
    const bytes = await foreignPackage([{ name: "Sales", xml: "" }], `<sst xmlns="${MAIN}"/>`);
    const folder = await tempFolder();
    try {
      const file = folder.file("plan.xlsx");
      await fsp.writeFile(file, bytes);
      const read = await readGeneratedSheets(file);
      expect(read).toEqual({
        sheets: [{ name: "Sales", state: "visible" }],
        marks: [{ name: "Sales", mark: null }],
        store: null,
        values: new Map(),
        comments: new Map(),
        typedOver: new Map(),
      });
    } finally {
      await folder.remove();
    }
  });

  test("a part that is not XML is an unreadable file naming the part", async () => {
    const zip = new JSZip();
    zip.file("xl/workbook.xml", `<!DOCTYPE lol [<!ENTITY a "aaaa">]><workbook/>`);
    const folder = await tempFolder();
    try {
      const file = folder.file("plan.xlsx");
      await fsp.writeFile(file, await zip.generateAsync({ type: "nodebuffer" }));
      await expect(readGeneratedSheets(file)).rejects.toMatchObject({
        code: "file-unreadable",
        params: { reason: expect.stringContaining("xl/workbook.xml") },
      });
    } finally {
      await folder.remove();
    }
  });
});

describe("XmlScanner", () => {
  test("gives the same events whatever the pieces the bytes come in", () => {
    const xml =
      `<?xml version="1.0"?><a x="1 > 0" y='q"'><!-- c --><b>中文 &amp; &#x4E2D;</b>` +
      `<c/><![CDATA[<raw>]]></a>`;
    const events = (pieceSize: number) => {
      const seen: string[] = [];
      const scanner = new XmlScanner({
        open: (name, attributes, selfClosing) => {
          seen.push(`open ${name}${attributes}${selfClosing ? "/" : ""}`);
        },
        close: (name) => {
          seen.push(`close ${name}`);
        },
        text: (text) => {
          seen.push(`text ${text}`);
        },
      });
      const bytes = Buffer.from(xml);
      for (let at = 0; at < bytes.length; at += pieceSize)
        scanner.feed(bytes.subarray(at, at + pieceSize));
      scanner.end();
      // Text may come in pieces: join neighbouring pieces before comparing.
      return seen.reduce<string[]>((all, e) => {
        const last = all[all.length - 1];
        if (e.startsWith("text ") && last?.startsWith("text "))
          all[all.length - 1] = last + e.slice(5);
        else all.push(e);
        return all;
      }, []);
    };
    const whole = events(xml.length * 3);
    expect(whole).toEqual([
      `open a x="1 > 0" y='q"'`,
      "open b",
      "text 中文 & 中",
      "close b",
      "open c/",
      "text <raw>",
      "close a",
    ]);
    for (const size of [1, 2, 3, 7]) expect(events(size)).toEqual(whole);
  });

  test("passes over the content of an element when asked, whatever the pieces", () => {
    // Cells asked to be passed over hold what would confuse a careless search: an element whose
    // name begins with theirs, a `>` in an attribute, an end tag with white space, a prefix.
    const xml =
      `<x:sheetData><x:c r="A1"><x:v>1</x:v></x:c><x:c r="B1"><x:cfRule a=">"/>` +
      `<x:is><x:t>skip &amp; me</x:t></x:is></x:c ><x:c r="C1"><x:v>3</x:v></x:c>` +
      `<x:c r="D1"/><x:c r="E1">\n<x:v>5</x:v>\n</x:c\n></x:sheetData>`;
    const events = (pieceSize: number) => {
      const seen: string[] = [];
      const scanner = new XmlScanner({
        open: (name, attributes, selfClosing) => {
          seen.push(`open ${name}${selfClosing ? "/" : ""}`);
          return name === "c" && /B1|D1|E1/.test(attributes) ? SKIP_ELEMENT : undefined;
        },
        close: (name) => {
          seen.push(`close ${name}`);
        },
        text: (text) => {
          if (text.trim() !== "") seen.push(`text ${text}`);
        },
      });
      const bytes = Buffer.from(xml);
      for (let at = 0; at < bytes.length; at += pieceSize)
        scanner.feed(new Uint8Array(bytes.subarray(at, at + pieceSize)));
      scanner.end();
      return seen.join(" ").replace(/(text \S+) text /g, "$1");
    };
    const whole = events(xml.length * 3);
    expect(whole).toBe(
      "open sheetData open c open v text 1 close v close c open c " +
        "open c open v text 3 close v close c open c/ open c close sheetData",
    );
    for (let size = 1; size <= 12; size++) expect(events(size)).toBe(whole);
  });

  test("names elements by their local name, short or long, in any script, prefixed or not", () => {
    const xml =
      `<x:row><数据 a="1">t</数据 ><sheetData/><rowX></rowX><x:c/><c/><é/><ab:cd:ef/>` +
      `<ROW/></x:row\n>`;
    const names: string[] = [];
    const scanner = new XmlScanner({
      open: (name) => {
        names.push(`<${name}`);
      },
      close: (name) => {
        names.push(`</${name}`);
      },
      text() {},
    });
    // Twice: names met before come back the same.
    for (let i = 0; i < 2; i++) scanner.feed(Buffer.from(xml));
    scanner.end();
    const once = [
      "<row",
      "<数据",
      "</数据",
      "<sheetData",
      "<rowX",
      "</rowX",
      "<c",
      "<c",
      "<é",
      "<ef",
      "<ROW",
      "</row",
    ];
    expect(names).toEqual([...once, ...once]);
  });

  test("says the XML ends inside an element being passed over", () => {
    const scanner = new XmlScanner({ open: () => SKIP_ELEMENT, close() {}, text() {} });
    scanner.feed(Buffer.from(`<c r="A1"><v>1</v>`));
    expect(() => scanner.end()).toThrow("the XML ends inside a tag");
  });
});

/** A cell as another writer saves it: inline text, a number, a formula with or without result. */
function cellXml(ref: string, value: CellValue, formula?: string): string {
  const f = formula === undefined ? "" : `<x:f>${formula}</x:f>`;
  if (typeof value === "string") {
    const text = value.replace(/&/g, "&amp;").replace(/</g, "&lt;");
    return formula === undefined
      ? `<x:c r="${ref}" t="inlineStr"><x:is><x:t>${text}</x:t></x:is></x:c>`
      : `<x:c r="${ref}" t="str">${f}<x:v>${text}</x:v></x:c>`;
  }
  if (typeof value === "number") return `<x:c r="${ref}">${f}<x:v>${value}</x:v></x:c>`;
  return formula === undefined ? "" : `<x:c r="${ref}">${f}</x:c>`;
}

/** Rows of cells (null for none) as sheet XML, with a formula where `formulaAt` gives one. */
function sheetXml(
  rows: CellValue[][],
  formulaAt: (row: number, column: number) => string | undefined = () => undefined,
): string {
  return rows
    .map(
      (row, r) =>
        `<x:row r="${r + 1}">${row.map((v, c) => cellXml(toA1(r, c), v, formulaAt(r, c))).join("")}</x:row>`,
    )
    .join("");
}

/** The generated columns of the keyed sheets below, then the users', the key and the signature. */
const GENERATED_IDS = ["rep", "period", "target", "dealSize"];
const IDS = [...GENERATED_IDS, ...ACTION_USER_COLUMNS, KEY_COLUMN_ID, SIGNATURE_COLUMN_ID];
const KEY_AT = IDS.indexOf(KEY_COLUMN_ID);
const SIGNATURE_AT = IDS.indexOf(SIGNATURE_COLUMN_ID);
const NOTES_AT = IDS.indexOf("notes");
const TARGET_AT = IDS.indexOf("target");

/** A keyed row as the plan writes it: generated cells, users' cells, key and signature. */
function keyedRow(generated: CellValue[], users: CellValue[]): CellValue[] {
  const key = rowKey([String(generated[0])], String(generated[1]));
  return [...generated, ...users, key, rowSignature(generated)];
}

/** A plan workbook with one action-plan sheet of these rows (below its row of ids). */
async function keyedWorkbook(
  folder: { file: (name: string) => string },
  rows: CellValue[][],
  formulaAt?: (row: number, column: number) => string | undefined,
  extra: Record<string, string> = {},
): Promise<string> {
  const bytes = await foreignPackage(
    [
      { name: "Action Plan", xml: sheetXml([IDS, ...rows], formulaAt) },
      {
        name: "_stp_plan",
        xml: storeRows([{ name: "Action Plan", kind: "action-plan" }]),
        state: "veryHidden",
      },
    ],
    `<sst xmlns="${MAIN}"/>`,
    extra,
  );
  const file = folder.file("plan.xlsx");
  await fsp.writeFile(file, bytes);
  return file;
}

/** A freshly built action-plan model over these generated rows, laid out as `IDS` says. */
function keyedModel(rows: CellValue[][], formulaColumn: boolean): SheetModel {
  const cells = [IDS, ...rows].map((row, r) =>
    row.map((value, c): SheetCell | null =>
      r > 0 && c === TARGET_AT && formulaColumn
        ? { value, formula: "1+1" }
        : value === null
          ? null
          : { value },
    ),
  );
  return {
    name: "Action Plan",
    kind: "action-plan",
    rows: cells,
    userRows: {
      idRow: 0,
      headerRow: 0,
      firstRow: 1,
      lastRow: rows.length,
      keyColumn: KEY_AT,
      signatureColumn: SIGNATURE_AT,
      userColumns: ACTION_USER_COLUMNS.map((id) => ({ id, column: IDS.indexOf(id) })),
      generatedColumns: GENERATED_IDS.map((id) => IDS.indexOf(id)),
    },
  };
}

describe("readGeneratedSheets on keyed rows", () => {
  test("keeps a keyed row whose signature holds by its key and users' cells; a changed row, a commented cell whole", async () => {
    const users = (note: CellValue) => [null, null, null, null, note];
    const rows = [
      keyedRow(["Ann", "2026-01", 100, 12.5], users("call Bo")),
      keyedRow(["Ann", "2026-02", 200, 12.5], users(null)),
      keyedRow(["Bo", "2026-01", 300, 7], users(null)),
      keyedRow(["Bo", "2026-02", 400, 7], users(null)),
    ];
    // A user typed over a target; another put a comment on a target.
    rows[1][TARGET_AT] = 250;
    const comments =
      `<comments xmlns="${MAIN}"><authors><author>Ann</author></authors><commentList>` +
      `<comment ref="${toA1(3, TARGET_AT)}" authorId="0"><text><t>why?</t></text></comment>` +
      `</commentList></comments>`;
    const folder = await tempFolder();
    try {
      const file = await keyedWorkbook(folder, rows, undefined, {
        "book/sheets/_rels/s1.xml.rels":
          `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
          `<Relationship Id="rId1" Type="${REL}/comments" Target="../comments1.xml"/></Relationships>`,
        "book/comments1.xml": comments,
      });
      const read = await readGeneratedSheets(file);
      const values = read.values.get(foldSheetName("Action Plan"))!;
      const at = (row: number, ...columns: number[]) =>
        Object.fromEntries(columns.map((c) => [c, values[row][c]]));
      expect(values[0]).toEqual(IDS);
      // Unchanged: the key and the note, nothing the plan wrote.
      expect(values[1].filter((v) => v !== null)).toEqual(["call Bo", rows[0][KEY_AT]]);
      expect(values[1][NOTES_AT]).toBe("call Bo");
      // Typed over: whole, signature and all, for carrying to tell which cell.
      expect(values[2]).toEqual(rows[1]);
      // Commented on: the cell's value stays for the comment's move.
      expect(at(3, TARGET_AT, KEY_AT)).toEqual({ [TARGET_AT]: 300, [KEY_AT]: rows[2][KEY_AT] });
      expect(values[3][SIGNATURE_AT] ?? null).toBeNull();
      expect(values[4].filter((v) => v !== null)).toEqual([rows[3][KEY_AT]]);
      expect(read.comments.get(foldSheetName("Action Plan"))).toEqual([
        { ref: toA1(3, TARGET_AT), author: "Ann", text: "why?" },
      ]);
    } finally {
      await folder.remove();
    }
  });

  test("carrying what it keeps gives what carrying every cell gives, whatever users changed", async () => {
    const member = fc.constantFrom("Ann", "Bo", "=SUM(A1)", "长 名字 with a long name", "");
    const value = fc.oneof(
      member,
      fc.integer({ min: -1e6, max: 1e6 }),
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      fc.constant(null),
    );
    const edit = fc.oneof(
      fc.constant({ kind: "none" as const }),
      fc.record({
        kind: fc.constant("typed" as const),
        column: fc.integer({ min: 0, max: GENERATED_IDS.length - 1 }),
        value,
      }),
      fc.record({ kind: fc.constant("signature" as const), text: fc.string() }),
      fc.constant({ kind: "no-key" as const }),
    );
    const row = fc.record({
      rep: fc.constantFrom("Ann", "Bo", "Cy"),
      month: fc.integer({ min: 1, max: 12 }),
      target: value,
      dealSize: value,
      notes: fc.oneof(fc.constant(null), member),
      status: fc.oneof(fc.constant(null), fc.constantFrom("Done", "进行中")),
      edit,
    });
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(row, { minLength: 1, maxLength: 12, selector: (r) => `${r.rep}${r.month}` }),
        fc.constantFrom("none", "cached", "uncached"),
        fc.array(fc.tuple(fc.constantFrom("Ann", "Bo", "Cy"), fc.integer({ min: 1, max: 12 })), {
          maxLength: 8,
        }),
        async (spec, formulas, newKeys) => {
          const period = (m: number) => `2026-${String(m).padStart(2, "0")}`;
          const written = spec.map((r) => {
            const cells = keyedRow(
              [r.rep, period(r.month), r.target, r.dealSize],
              [null, null, null, r.status, r.notes],
            );
            if (r.edit.kind === "typed") cells[r.edit.column] = r.edit.value;
            if (r.edit.kind === "signature") cells[SIGNATURE_AT] = r.edit.text;
            if (r.edit.kind === "no-key") cells[KEY_AT] = null;
            return cells;
          });
          // Targets as formulas, saved with their results (Excel) or without (openpyxl).
          const formulaAt = (r: number, c: number) =>
            formulas !== "none" && r > 0 && c === TARGET_AT ? "1+1" : undefined;
          const saved =
            formulas === "uncached"
              ? written.map((cells) => cells.map((v, c) => (c === TARGET_AT ? null : v)))
              : written;
          const model = keyedModel(
            newKeys.map(([rep, m]) =>
              keyedRow([rep, period(m), 1, 2], [null, null, null, null, null]),
            ),
            formulas !== "none",
          );
          const folder = await tempFolder();
          try {
            const file = await keyedWorkbook(folder, saved, formulaAt);
            const lean = (await readGeneratedSheets(file)).values.get(
              foldSheetName("Action Plan"),
            )!;
            const every = (await readSheetValues(file, "Action Plan"))!;
            expect(carryUserCells(model, lean, "Not in the plan")).toEqual(
              carryUserCells(model, every, "Not in the plan"),
            );
          } finally {
            await folder.remove();
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("readGeneratedSheets on two threads", () => {
  /** A plan of a few keyed sheets, one of them typed over, as another writer saves it. */
  async function fewSheets(folder: { file: (name: string) => string }): Promise<string> {
    const names = ["Action Plan", "Ann", "Bo", "Cy"];
    const rows = (rep: string) => [
      keyedRow([rep, "2026-01", 100, 12.5], [null, null, null, null, `call ${rep}`]),
      keyedRow([rep, "2026-02", 200, 12.5], [null, null, null, "Done", null]),
    ];
    const sheets = names.map((name, i) => {
      const cells = rows(name);
      if (i === 2) cells[1][TARGET_AT] = 999;
      return { name, xml: sheetXml([IDS, ...cells]) };
    });
    const store = storeRows(
      names.map((name, i) =>
        i === 0 ? { name, kind: "action-plan" } : { name, kind: "rep-tab", key: name },
      ),
    );
    const bytes = await foreignPackage(
      [...sheets, { name: "_stp_plan", xml: store, state: "veryHidden" }],
      `<sst xmlns="${MAIN}"/>`,
    );
    const file = folder.file("plan.xlsx");
    await fsp.writeFile(file, bytes);
    return file;
  }

  test("half read by the second thread gives what one thread reads, in the same order", async () => {
    const folder = await tempFolder();
    try {
      const file = await fewSheets(folder);
      const asked: string[][] = [];
      const one = await readGeneratedSheets(file, { secondThreadFrom: Infinity });
      const two = await readGeneratedSheets(file, {
        secondThreadFrom: 0,
        secondThread: async (path, scans) => {
          asked.push(scans.map((s) => s.folded));
          const pkg = await openWorkbookPackage(path);
          return readListedSheets(
            pkg,
            await readSharedStrings(pkg, await readPackageWorkbook(pkg)),
            scans,
          );
        },
      });
      expect(two).toEqual(one);
      expect([...two.values.keys()]).toEqual(["ACTION PLAN", "ANN", "BO", "CY"]);
      // Two of the four, as even in XML as they come.
      expect(asked).toHaveLength(1);
      expect(asked[0]).toHaveLength(2);
      expect(one.values.get("BO")![2][TARGET_AT]).toBe(999);
    } finally {
      await folder.remove();
    }
  });

  test("reads here what a thread that could not run was to read; a file error it met is thrown", async () => {
    const folder = await tempFolder();
    try {
      const file = await fewSheets(folder);
      const one = await readGeneratedSheets(file, { secondThreadFrom: Infinity });
      const failed = await readGeneratedSheets(file, {
        secondThreadFrom: 0,
        secondThread: () => Promise.reject(new Error("the thread could not start")),
      });
      expect(failed).toEqual(one);
      const fileError = new FileAccessError("file-unreadable", file, { reason: "sheet3.xml" });
      await expect(
        readGeneratedSheets(file, {
          secondThreadFrom: 0,
          secondThread: () => Promise.reject(fileError),
        }),
      ).rejects.toBe(fileError);
    } finally {
      await folder.remove();
    }
  });
});
