import { createFakeWorkbook, FakeOfficeError, PAYLOAD_LIMIT } from "../support/excelFake";

const sales = () =>
  createFakeWorkbook({
    sheets: [
      {
        name: "Sales",
        values: [
          ["Date", "Rep", "Amount"],
          [45658, "Ann", 120.5],
          [45659, "=not a formula", null],
        ],
        numberFormats: [[], ["yyyy-mm-dd", "", "#,##0.00"]],
      },
      { name: "Notes", values: [] },
    ],
  });

async function rejection(promise: Promise<unknown>): Promise<FakeOfficeError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FakeOfficeError) return error;
    throw error;
  }
  throw new Error("expected a rejection");
}

describe("strict in-memory workbook: Office.js proxy rules", () => {
  it("throws PropertyNotLoaded for a property never loaded, and before the sync that loads it", async () => {
    const fake = sales();
    await fake.host.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sales").getRange("A1:C3");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      range.load("values");
      expect(() => range.values).toThrow(/call the load method/);
      await context.sync();
      expect(range.values).toEqual([
        ["Date", "Rep", "Amount"],
        [45658, "Ann", 120.5],
        [45659, "=not a formula", ""],
      ]);
      expect(() => range.numberFormat).toThrow(
        expect.objectContaining({ code: "PropertyNotLoaded" }),
      );
    });
  });

  it("tells a null object only after a sync", async () => {
    const fake = sales();
    await fake.host.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
      const blank = context.workbook.worksheets.getItem("Notes").getUsedRangeOrNullObject(true);
      expect(() => missing.isNullObject).toThrow(
        expect.objectContaining({ code: "PropertyNotLoaded" }),
      );
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(blank.isNullObject).toBe(true);
    });
  });

  it("queues setters and applies them at sync", async () => {
    const fake = sales();
    await fake.host.run(async (context) => {
      context.workbook.worksheets.getItem("Notes").getRange("A1:B1").values = [["x", 2]];
      expect(fake.workbook.cell("Notes", "A1")).toBeUndefined();
      await context.sync();
      expect(fake.workbook.cell("Notes", "A1")?.value).toBe("x");
      expect(fake.workbook.cell("Notes", "B1")?.value).toBe(2);
    });
  });

  it("counts syncs and the bytes of each request, values included; an empty sync is no round trip", async () => {
    const fake = sales();
    const big = Array.from({ length: 1000 }, (_, i) => [`row ${i} ${"x".repeat(80)}`]);
    await fake.host.run(async (context) => {
      await context.sync();
      context.workbook.worksheets.getItem("Notes").getRange("A1:A1000").values = big;
      await context.sync();
      context.workbook.worksheets.getItem("Notes").getRange("B1").values = [[1]];
      await context.sync();
    });
    expect(fake.stats.syncs).toBe(2);
    expect(fake.stats.requestBytes[0]).toBeGreaterThan(JSON.stringify(big).length);
    expect(fake.stats.requestBytes[1]).toBeLessThan(300);
  });

  it("fails the nth sync from now, applying nothing of its batch", async () => {
    const fake = sales();
    fake.failSync(2);
    const error = await rejection(
      fake.host.run(async (context) => {
        const notes = context.workbook.worksheets.getItem("Notes");
        notes.getRange("A1").values = [["first"]];
        await context.sync();
        notes.getRange("A2").values = [["second"]];
        notes.getRange("A3").values = [["third"]];
        await context.sync();
      }),
    );
    expect(error.code).toBe("GeneralException");
    expect(fake.workbook.values("Notes")).toEqual([["first"]]);
    await fake.host.run(async (context) => {
      context.workbook.worksheets.getItem("Notes").getRange("A2").values = [["again"]];
      await context.sync();
    });
    expect(fake.workbook.values("Notes")).toEqual([["first"], ["again"]]);
  });

  it("refuses a request over 5 MB as Excel on the web does", async () => {
    const fake = sales();
    const rows = 6000;
    const huge = Array.from({ length: rows }, () => ["y".repeat(1000)]);
    const error = await rejection(
      fake.host.run(async (context) => {
        context.workbook.worksheets.getItem("Notes").getRange(`A1:A${rows}`).values = huge;
        await context.sync();
      }),
    );
    expect(error.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(fake.stats.requestBytes[0]).toBeGreaterThan(PAYLOAD_LIMIT);
    expect(fake.workbook.values("Notes")).toEqual([]);
  });

  it("refuses a response over 5 MB", async () => {
    const text = "z".repeat(2000);
    const fake = createFakeWorkbook({
      sheets: [{ name: "Long", values: Array.from({ length: 3000 }, () => [text]) }],
    });
    const error = await rejection(
      fake.host.run(async (context) => {
        context.workbook.worksheets.getItem("Long").getRange("A1:A3000").load("values");
        await context.sync();
      }),
    );
    expect(error.code).toBe("ResponsePayloadSizeLimitExceeded");
  });

  it("throws 'not implemented in the fake' for an API it does not emulate", async () => {
    const fake = sales();
    await fake.host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sales");
      expect(() => sheet.pivotTables).toThrow(
        "Worksheet.pivotTables is not implemented in the fake",
      );
      expect(() => (sheet as unknown as { getRangeByIndexes(): void }).getRangeByIndexes()).toThrow(
        /not implemented in the fake/,
      );
      expect(() => sheet.getRange("A1").load("format/font/bold")).toThrow(/not implemented/);
    });
  });

  it("rejects a call from a newer requirement set than the workbook supports", async () => {
    const fake = createFakeWorkbook({
      sheets: [{ name: "Old", values: [[1]] }],
      requirementSets: ["ExcelApi 1.4"],
    });
    expect(fake.isSetSupported("ExcelApi", "1.4")).toBe(true);
    expect(fake.isSetSupported("ExcelApi", "1.6")).toBe(false);
    const error = await rejection(
      fake.host.run(async (context) => {
        context.workbook.worksheets
          .getItem("Old")
          .getRange("A1")
          .conditionalFormats.add("CellValue");
        await context.sync();
      }),
    );
    expect(error.code).toBe("ApiNotFound");
  });

  it("refuses objects of a finished run", async () => {
    const fake = sales();
    const range = await fake.host.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Sales").getRange("A1");
      r.load("values");
      await context.sync();
      return r;
    });
    expect(range.values).toEqual([["Date"]]);
    expect(() => {
      range.values = [["x"]];
    }).toThrow(expect.objectContaining({ code: "InvalidObjectPath" }));
  });

  it("syncs what a batch leaves queued when it ends, as Excel.run does", async () => {
    const fake = sales();
    await fake.host.run(async (context) => {
      context.workbook.worksheets.getItem("Notes").getRange("C3").values = [["late"]];
    });
    expect(fake.workbook.cell("Notes", "C3")?.value).toBe("late");
    expect(fake.stats.syncs).toBe(1);
  });
});

describe("strict in-memory workbook: what Excel makes of written text", () => {
  const write = async (
    property: "values" | "formulas",
    entry: string,
    numberFormat?: string,
  ): Promise<{ value: unknown; formula?: string }> => {
    const fake = sales();
    await fake.host.run(async (context) => {
      const cell = context.workbook.worksheets.getItem("Notes").getRange("A1");
      if (numberFormat) cell.numberFormat = [[numberFormat]];
      cell[property] = [[entry]];
      await context.sync();
    });
    const cell = fake.workbook.cell("Notes", "A1");
    return { value: cell?.value, formula: cell?.formula };
  };
  const hyperlink = '=HYPERLINK("http://example.com","x")';

  it("turns a string starting with = written through values into a formula", async () => {
    expect(await write("values", hyperlink)).toEqual({ value: "", formula: hyperlink });
  });

  it("types +1, -2, @x, 2026-01 and 1,234 the way Excel does", async () => {
    expect(await write("values", "+1")).toEqual({ value: 1 });
    expect(await write("values", "-2")).toEqual({ value: -2 });
    expect(await write("values", "@x")).toEqual({ value: "", formula: "=@x" });
    expect(await write("values", "2026-01")).toEqual({ value: 46023 });
    expect(await write("values", "1,234")).toEqual({ value: 1234 });
    expect(await write("values", "Ann")).toEqual({ value: "Ann" });
  });

  it("keeps everything as text in a cell formatted as text (@), through values and formulas", async () => {
    for (const entry of [hyperlink, "+1", "-2", "@x", "2026-01"]) {
      expect(await write("values", entry, "@")).toEqual({ value: entry });
      expect(await write("formulas", entry, "@")).toEqual({ value: entry });
    }
  });

  it("keeps null as 'leave unchanged' and '' as 'clear'", async () => {
    const fake = sales();
    await fake.host.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sales").getRange("A2:C2");
      range.values = [[null, "", null]];
      await context.sync();
    });
    expect(fake.workbook.values("Sales")[1]).toEqual([45658, "", 120.5]);
  });

  it("refuses an array whose shape is not the range's", async () => {
    const fake = sales();
    const error = await rejection(
      fake.host.run(async (context) => {
        context.workbook.worksheets.getItem("Notes").getRange("A1:B2").values = [[1, 2]];
        await context.sync();
      }),
    );
    expect(error.code).toBe("InvalidArgument");
  });
});

describe("strict in-memory workbook: sheets, ranges and the rest", () => {
  it("adds, finds, orders, hides and deletes sheets like Excel", async () => {
    const fake = sales();
    await fake.host.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const added = sheets.add("Plan");
      added.position = 0;
      sheets.add("Store").visibility = "VeryHidden";
      await context.sync();
      sheets.load("items/name,items/visibility");
      added.load("name,position");
      await context.sync();
      expect(sheets.items.map((s) => [s.name, s.visibility])).toEqual([
        ["Plan", "Visible"],
        ["Sales", "Visible"],
        ["Notes", "Visible"],
        ["Store", "VeryHidden"],
      ]);
      expect(added.position).toBe(0);
    });
    expect(fake.workbook.order).toEqual(["Plan", "Sales", "Notes", "Store"]);
    expect(fake.workbook.activeSheet).toBe("Sales");

    const duplicate = await rejection(
      fake.host.run(async (context) => {
        context.workbook.worksheets.add("plan");
        await context.sync();
      }),
    );
    expect(duplicate.code).toBe("ItemAlreadyExists");
    const reserved = await rejection(
      fake.host.run(async (context) => {
        context.workbook.worksheets.add("History");
        await context.sync();
      }),
    );
    expect(reserved.code).toBe("InvalidArgument");
  });

  it("never hides or deletes the last visible sheet", async () => {
    const fake = createFakeWorkbook({ sheets: [{ name: "Only", values: [] }] });
    const error = await rejection(
      fake.host.run(async (context) => {
        context.workbook.worksheets.getItem("Only").visibility = "Hidden";
        await context.sync();
      }),
    );
    expect(error.code).toBe("InvalidOperation");
  });

  it("gives the used range with its position, and A1 for a blank sheet through getUsedRange", async () => {
    const fake = createFakeWorkbook({
      sheets: [
        { name: "Offset", values: [[], [null, null, "x"], [null, 1, null, 2]] },
        { name: "Blank", values: [] },
      ],
    });
    await fake.host.run(async (context) => {
      const used = context.workbook.worksheets.getItem("Offset").getUsedRangeOrNullObject(true);
      used.load("address,rowIndex,columnIndex,rowCount,columnCount");
      const blank = context.workbook.worksheets.getItem("Blank").getUsedRange();
      blank.load("address");
      await context.sync();
      expect([
        used.address,
        used.rowIndex,
        used.columnIndex,
        used.rowCount,
        used.columnCount,
      ]).toEqual(["Offset!B2:D3", 1, 1, 2, 3]);
      expect(blank.address).toBe("Blank!A1");
    });
  });

  it("keeps the used range true after every kind of change to the cells", async () => {
    const fake = createFakeWorkbook({ sheets: [{ name: "S", values: [["a", "b"]] }] });
    const used = async (valuesOnly: boolean) =>
      fake.host.run(async (context) => {
        const range = context.workbook.worksheets.getItem("S").getUsedRangeOrNullObject(valuesOnly);
        range.load("address");
        await context.sync();
        return range.isNullObject ? null : range.address;
      });
    const change = (body: (sheet: Excel.Worksheet) => void) =>
      fake.host.run(async (context) => {
        body(context.workbook.worksheets.getItem("S"));
        await context.sync();
      });
    expect(await used(true)).toBe("S!A1:B1");
    await change((sheet) => {
      sheet.getRange("D5").values = [[7]];
    });
    expect(await used(true)).toBe("S!A1:D5");
    await change((sheet) => {
      sheet.getRange("F8").numberFormat = [["0.00"]];
    });
    expect([await used(true), await used(false)]).toEqual(["S!A1:D5", "S!A1:F8"]);
    await change((sheet) => sheet.getRange("D5").clear("Contents"));
    expect(await used(true)).toBe("S!A1:B1");
    await change((sheet) => sheet.getRange("A1:F8").clear("All"));
    expect([await used(true), await used(false)]).toEqual([null, null]);
  });

  it("formats cells, freezes panes, hides rows and columns, tags sheets", async () => {
    const fake = sales();
    await fake.host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Notes");
      const header = sheet.getRange("A1:C2");
      header.format.font.bold = true;
      header.format.fill.color = "#DDEBF7";
      header.format.borders.getItem("EdgeBottom").style = "Continuous";
      header.format.borders.getItem("InsideHorizontal").style = "Continuous";
      sheet.getRange("B:C").format.columnWidth = 90;
      sheet.getRange("4:5").rowHidden = true;
      sheet.getRange("D:D").columnHidden = true;
      sheet.freezePanes.freezeAt(sheet.getRange("A1:B2"));
      sheet.customProperties.add("kind", "allocation");
      await context.sync();
      const font = header.format.font;
      font.load("bold");
      await context.sync();
      expect(font.bold).toBe(true);
    });
    const notes = fake.workbook.sheet("Notes");
    expect(fake.workbook.cell("Notes", "C2")?.format).toEqual({
      bold: true,
      fillColor: "#DDEBF7",
      borders: { bottom: { style: "Continuous" }, top: { style: "Continuous" } },
    });
    expect(fake.workbook.cell("Notes", "A1")?.format.borders).toEqual({
      bottom: { style: "Continuous" },
    });
    expect([...notes.columnWidths]).toEqual([
      [1, 90],
      [2, 90],
    ]);
    expect([...notes.hiddenRows]).toEqual([3, 4]);
    expect([...notes.hiddenColumns]).toEqual([3]);
    expect(notes.freeze).toEqual({ rows: 2, columns: 2 });
    expect(fake.workbook.customProperties("Notes")).toEqual({ kind: "allocation" });
  });

  it("sets how a sheet prints through pageLayout, readable after a load and a sync (ExcelApi 1.9)", async () => {
    const fake = sales();
    await fake.host.run(async (context) => {
      const layout = context.workbook.worksheets.getItem("Notes").pageLayout;
      expect(() => layout.orientation).toThrow(
        expect.objectContaining({ code: "PropertyNotLoaded" }),
      );
      layout.orientation = "Landscape";
      layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      layout.setPrintTitleRows("$3:$4");
      layout.setPrintArea("A1:H40");
      layout.headersFooters.defaultForAllPages.centerFooter = "Plan && more · Page &P of &N";
      layout.load("orientation,zoom");
      expect(() => layout.zoom).toThrow(/call the load method/);
      await context.sync();
      expect(layout.orientation).toBe("Landscape");
      expect(layout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
      const footer = layout.headersFooters.defaultForAllPages;
      footer.load("centerFooter");
      await context.sync();
      expect(footer.centerFooter).toBe("Plan && more · Page &P of &N");
    });
    expect(fake.workbook.pageLayout("Notes")).toEqual({
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printArea: "A1:H40",
      printTitleRows: "3:4",
      headersFooters: {
        leftHeader: "",
        centerHeader: "",
        rightHeader: "",
        leftFooter: "",
        centerFooter: "Plan && more · Page &P of &N",
        rightFooter: "",
      },
    });
    expect(fake.workbook.pageLayout("Sales").orientation).toBe("Portrait");
  });

  it("refuses in pageLayout what Excel refuses: title rows that are not whole rows, bad addresses, another sheet's cells, a bad zoom", async () => {
    const fake = sales();
    const attempt = (write: (layout: Excel.PageLayout) => void) =>
      rejection(
        fake.host.run(async (context) => {
          write(context.workbook.worksheets.getItem("Notes").pageLayout);
          await context.sync();
        }),
      );
    for (const write of [
      (l: Excel.PageLayout) => l.setPrintTitleRows("A3:H4"),
      (l: Excel.PageLayout) => l.setPrintTitleRows("B:C"),
      (l: Excel.PageLayout) => l.setPrintArea("A1:XFE9"),
      (l: Excel.PageLayout) => l.setPrintArea("Sales!A1:B2"),
      (l: Excel.PageLayout) => l.setPrintArea(""),
    ]) {
      expect(await attempt(write)).toMatchObject({ code: "InvalidArgument" });
    }
    await fake.host.run(async (context) => {
      const layout = context.workbook.worksheets.getItem("Notes").pageLayout;
      expect(() => (layout.orientation = "Sideways" as Excel.PageOrientation)).toThrow(
        expect.objectContaining({ code: "InvalidArgument" }),
      );
      expect(() => (layout.zoom = { scale: 100, horizontalFitToPages: 1 })).toThrow(
        expect.objectContaining({ code: "InvalidArgument" }),
      );
      expect(() => (layout.zoom = { horizontalFitToPages: 1.5 })).toThrow(
        expect.objectContaining({ code: "InvalidArgument" }),
      );
      expect(() => layout.headersFooters.evenPages).toThrow(/not implemented in the fake/);
      expect(() => layout.load("paperSize")).toThrow(
        expect.objectContaining({ code: "InvalidArgument" }),
      );
    });
    // Nothing of the refused requests was applied.
    expect(fake.workbook.pageLayout("Notes")).toMatchObject({
      printArea: null,
      printTitleRows: null,
      zoom: { scale: 100 },
    });
    const older = createFakeWorkbook({
      sheets: [{ name: "Notes", values: [] }],
      requirementSets: ["ExcelApi 1.8"],
    });
    const error = await rejection(
      older.host.run(async (context) => {
        context.workbook.worksheets.getItem("Notes").pageLayout.orientation = "Landscape";
        await context.sync();
      }),
    );
    expect(error.code).toBe("ApiNotFound");
  });

  it("adds tables, conditional formats, list validation, settings and names", async () => {
    const fake = sales();
    await fake.host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sales");
      const table = sheet.tables.add("A1:C3", true);
      table.name = "SalesTable";
      table.style = "TableStyleLight9";
      const cf = sheet.getRange("C2:C3").conditionalFormats.add("CellValue");
      cf.cellValue.format.fill.color = "#C6EFCE";
      cf.cellValue.rule = { formula1: "=100", operator: "GreaterThanOrEqual" };
      sheet.getRange("B2:B3").dataValidation.rule = {
        list: { inCellDropDown: true, source: "Ann,Bo" },
      };
      context.workbook.settings.add("plan", { year: 2026 });
      context.workbook.names.add("SalesData", sheet.getRange("A1:C3"));
      await context.sync();
      const found = context.workbook.tables.getItem("salestable");
      found.load("name");
      found.worksheet.load("name");
      await context.sync();
      expect(found.name).toBe("SalesTable");
    });
    expect(fake.workbook.tables).toEqual([
      { name: "SalesTable", sheet: "Sales", address: "A1:C3", style: "TableStyleLight9" },
    ]);
    expect(fake.workbook.conditionalFormats("Sales")).toEqual([
      {
        address: "C2:C3",
        type: "CellValue",
        rule: { formula1: "=100", operator: "GreaterThanOrEqual" },
        format: { fillColor: "#C6EFCE" },
      },
    ]);
    expect(fake.workbook.validations("Sales")).toEqual([
      { address: "B2:B3", rule: { list: { inCellDropDown: true, source: "Ann,Bo" } } },
    ]);
    expect(fake.workbook.settings).toEqual({ plan: { year: 2026 } });
    expect(fake.workbook.names).toEqual([
      { name: "SalesData", formula: "=Sales!$A$1:$C$3", comment: "" },
    ]);

    const overlap = await rejection(
      fake.host.run(async (context) => {
        context.workbook.worksheets.getItem("Sales").tables.add("B2:C3", true);
        await context.sync();
      }),
    );
    expect(overlap.code).toBe("InvalidArgument");
  });

  it("activates and selects; a hidden sheet cannot be activated", async () => {
    const fake = createFakeWorkbook({
      sheets: [
        { name: "A", values: [] },
        { name: "B", values: [] },
        { name: "C", values: [], visibility: "Hidden" },
      ],
    });
    await fake.host.run(async (context) => {
      const b = context.workbook.worksheets.getItem("B");
      b.activate();
      b.getRange("C5").select();
      await context.sync();
    });
    expect(fake.workbook.activeSheet).toBe("B");
    expect(fake.workbook.selection).toEqual({ sheet: "B", address: "C5" });
    const error = await rejection(
      fake.host.run(async (context) => {
        context.workbook.worksheets.getItem("C").activate();
        await context.sync();
      }),
    );
    expect(error.code).toBe("InvalidOperation");
  });

  it("reports a missing sheet as ItemNotFound at sync", async () => {
    const fake = sales();
    const error = await rejection(
      fake.host.run(async (context) => {
        context.workbook.worksheets.getItem("Missing").getRange("A1").load("values");
        await context.sync();
      }),
    );
    expect(error.code).toBe("ItemNotFound");
  });
});

describe("strict in-memory workbook: charts", () => {
  const quota = (requirementSets?: string[]) =>
    createFakeWorkbook({
      sheets: [
        {
          name: "Ann",
          values: [
            ["Month", "Target", "Last year"],
            ["Jan", 100, 90],
            ["Feb", 200, null],
            ["Mar", 300, 310.5],
          ],
        },
        { name: "Bo", values: [[1]] },
      ],
      requirementSets,
    });

  it("reads a new chart's series from its block, as Excel does: names above, labels left", async () => {
    const fake = quota();
    await fake.host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Ann");
      // A formula in the block is plotted by its result.
      sheet.getRange("B2").formulas = [["=$C$4"]];
      const chart = sheet.charts.add("ColumnClustered", sheet.getRange("A1:C4"), "Auto");
      chart.title.text = "Quota";
      chart.setPosition("E1", "L14");
      const charts = sheet.charts;
      charts.load("items/name,count");
      expect(() => charts.count).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(charts.count).toBe(1);
      expect(charts.items.map((c) => c.name)).toEqual(["Chart 1"]);
    });
    expect(fake.workbook.charts("Ann")).toEqual([
      {
        name: "Chart 1",
        type: "ColumnClustered",
        title: "Quota",
        source: "A1:C4",
        anchor: { from: "E1", to: "L14" },
        series: [
          {
            name: "Target",
            valuesAddress: "B2:B4",
            categoriesAddress: "A2:A4",
            categories: ["Jan", "Feb", "Mar"],
            values: [310.5, 200, 300],
          },
          {
            name: "Last year",
            valuesAddress: "C2:C4",
            categoriesAddress: "A2:A4",
            categories: ["Jan", "Feb", "Mar"],
            values: [90, null, 310.5],
          },
        ],
      },
    ]);
    expect(fake.workbook.charts("Bo")).toEqual([]);
  });

  it("names, renames series, finds charts by name (the first of several) and deletes them", async () => {
    const fake = quota();
    await fake.host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Ann");
      const range = sheet.getRange("A1:C4");
      for (const name of ["Mine", "Ours", "Ours"]) {
        const chart = sheet.charts.add("Line", range, "Columns");
        chart.name = name;
      }
      sheet.charts.getItem("Ours").series.getItemAt(1).name = "2025";
      const missing = sheet.charts.getItemOrNullObject("Nobody's");
      const found = sheet.charts.getItemOrNullObject("ours");
      await context.sync();
      expect([missing.isNullObject, found.isNullObject]).toEqual([true, false]);
      expect(() => found.name).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      sheet.charts.getItem("Ours").delete();
      await context.sync();
    });
    const charts = fake.workbook.charts("Ann");
    expect(charts.map((c) => c.name)).toEqual(["Mine", "Ours"]);
    expect(charts[1].series.map((s) => s.name)).toEqual(["Target", "Last year"]);
    const error = await rejection(
      fake.host.run(async (context) => {
        context.workbook.worksheets.getItem("Ann").charts.getItem("Gone").delete();
        await context.sync();
      }),
    );
    expect(error.code).toBe("ItemNotFound");
  });

  it("refuses an unknown type, a blank block, another sheet's cells, a series call too new", async () => {
    const add = (type: string, address: string) =>
      rejection(
        quota().host.run(async (context) => {
          const sheet = context.workbook.worksheets.getItem("Ann");
          sheet.charts.add(type as Excel.ChartType, sheet.getRange(address), "Columns");
          await context.sync();
        }),
      );
    expect((await add("Column", "A1:C4")).code).toBe("InvalidArgument");
    expect((await add("Invalid", "A1:C4")).code).toBe("InvalidArgument");
    expect((await add("Line", "H1:J9")).code).toBe("InvalidArgument");

    const otherSheet = await rejection(
      quota().host.run(async (context) => {
        const bo = context.workbook.worksheets.getItem("Bo");
        context.workbook.worksheets.getItem("Ann").charts.add("Line", bo.getRange("A1:B2"));
        await context.sync();
      }),
    );
    expect(otherSheet.code).toBe("NotImplementedInFake");

    const old = quota(["ExcelApi 1.4"]);
    const tooNew = await rejection(
      old.host.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Ann");
        const chart = sheet.charts.add("Line", sheet.getRange("A1:C4"), "Columns");
        chart.series.getItemAt(0).setValues(sheet.getRange("C2:C4"));
        await context.sync();
      }),
    );
    expect(tooNew.code).toBe("ApiNotFound");
  });

  it("ties a series to other cells with setValues and setXAxisValues (ExcelApi 1.7)", async () => {
    const fake = quota();
    await fake.host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Ann");
      const chart = sheet.charts.add("Line", sheet.getRange("B1:C4"), "Columns");
      const series = chart.series.getItemAt(0);
      series.setValues(sheet.getRange("C2:C4"));
      series.setXAxisValues(sheet.getRange("A2:A4"));
      await context.sync();
    });
    const [target, lastYear] = fake.workbook.charts("Ann")[0].series;
    expect(target).toMatchObject({ name: "Target", categories: ["Jan", "Feb", "Mar"] });
    expect(target.values).toEqual([90, null, 310.5]);
    expect(lastYear).toMatchObject({ categoriesAddress: null, categories: [1, 2, 3] });
  });
});

describe("strict in-memory workbook: merged areas (ExcelApi 1.13)", () => {
  const merged = (requirementSets?: string[], merges = ["B2:B3", "D1:E1"]) =>
    createFakeWorkbook({
      requirementSets,
      sheets: [
        {
          name: "Q1, East",
          values: [
            ["Date", "Region", "Amount", "Note"],
            [45658, "East", 10],
            [45659, null, 20],
          ],
          merges,
        },
      ],
    });

  it("lists the merged areas starting in a range, as Excel addresses them", async () => {
    const fake = merged();
    await fake.host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Q1, East");
      const all = sheet.getRange("A1:E3").getMergedAreasOrNullObject();
      const some = sheet.getRange("A2:C3").getMergedAreasOrNullObject();
      // B3 is in B2:B3, but Excel lists an area only from its top-left cell.
      const none = sheet.getRange("A3:C3").getMergedAreasOrNullObject();
      all.load("address,areaCount,cellCount");
      some.load("address");
      none.load("address");
      expect(() => all.address).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(all.address).toBe("'Q1, East'!B2:B3, 'Q1, East'!D1:E1");
      expect([all.areaCount, all.cellCount]).toEqual([2, 4]);
      expect(some.address).toBe("'Q1, East'!B2:B3");
      expect(none.isNullObject).toBe(true);
    });
  });

  it("refuses the call before ExcelApi 1.13, and more than 512 areas, failing the request", async () => {
    const old = merged(["ExcelApi 1.12"]);
    const tooOld = await rejection(
      old.host.run(async (context) => {
        const areas = context.workbook.worksheets
          .getItem("Q1, East")
          .getRange("A1:E3")
          .getMergedAreasOrNullObject();
        areas.load("address");
        await context.sync();
      }),
    );
    expect(tooOld.code).toBe("ApiNotFound");

    const many = Array.from({ length: 513 }, (_, i) => `F${i + 1}:G${i + 1}`);
    const crowded = merged(undefined, many);
    const tooMany = await rejection(
      crowded.host.run(async (context) => {
        const areas = context.workbook.worksheets
          .getItem("Q1, East")
          .getRange("A1:H600")
          .getMergedAreasOrNullObject();
        areas.load("address");
        await context.sync();
      }),
    );
    expect(tooMany.message).toMatch(/513 merged areas/);
    expect(tooMany.debugInfo.errorLocation).toBe("Range.getMergedAreasOrNullObject");
  });

  it("refuses overlapping merged areas in its set-up", () => {
    expect(() => merged(undefined, ["A1:B2", "B2:C3"])).toThrow(/overlaps/);
  });
});
