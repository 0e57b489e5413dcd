import { parseBounds, splitSheet } from "./addresses";
import { FakeClientObject, quote } from "./clientObject";
import { FakeCollection } from "./collection";
import { FakeOfficeError, invalidArgument } from "./officeError";
import { FakeRange } from "./range";
import type { FakeRequestContext } from "./requestContext";
import { type FakeSheet, folded } from "./workbookState";

/** A comment on one cell of a sheet, as the workbook holds it. */
export type FakeCommentEntry = {
  id: string;
  sheet: FakeSheet;
  row: number;
  column: number;
  authorName: string;
  content: string;
};

const COMMENT_SCALARS = ["id", "content", "authorName"] as const;

/** The fake's `Excel.Comment` (ExcelApi 1.10). */
export class FakeComment extends FakeClientObject<FakeCommentEntry> {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly find: () => FakeCommentEntry | null,
  ) {
    super(context, "Comment", path, { minVersion: "1.10" });
  }
  protected scalars(): readonly string[] {
    return COMMENT_SCALARS;
  }
  protected locate(): FakeCommentEntry | null {
    return this.find();
  }
  protected override isGone(entry: FakeCommentEntry): boolean {
    return entry.sheet.deleted || !entry.sheet.comments.includes(entry);
  }
  protected snapshot(name: string, entry: FakeCommentEntry): unknown {
    switch (name) {
      case "id":
        return entry.id;
      case "content":
        return entry.content;
      case "authorName":
        return entry.authorName;
    }
    return undefined;
  }
  get id(): string {
    return this.loaded("id");
  }
  get content(): string {
    return this.loaded("content");
  }
  get authorName(): string {
    return this.loaded("authorName");
  }
  /** The cell the comment is on. */
  getLocation(): FakeRange {
    return new FakeRange(this.context, `${this.path}.getLocation()`, () => {
      const entry = this.resolve();
      const { row, column } = entry;
      return { sheet: entry.sheet, bounds: { top: row, bottom: row, left: column, right: column } };
    });
  }
}

/** `worksheet.comments` (ExcelApi 1.10): the comments on the sheet's cells. */
export class FakeCommentCollection extends FakeCollection<FakeCommentEntry, FakeComment> {
  constructor(
    context: FakeRequestContext,
    path: string,
    private readonly sheet: () => FakeSheet,
  ) {
    super(context, "CommentCollection", path, { minVersion: "1.10" });
  }
  protected locate(): readonly FakeCommentEntry[] {
    return this.sheet().comments;
  }
  protected itemScalars(): readonly string[] {
    return COMMENT_SCALARS;
  }
  protected itemFor(target: FakeCommentEntry): FakeComment {
    return new FakeComment(this.context, `${this.path}.getItem(${quote(target.id)})`, () => target);
  }

  /** Adds a comment on one cell of this sheet, by the author "Fake User" (Office.js `add`). */
  add(cellAddress: string, content: string): FakeComment {
    let added: FakeCommentEntry | null = null;
    const comment = new FakeComment(
      this.context,
      `${this.path}.add(${quote(cellAddress)})`,
      () => added,
    );
    this.act("call", "add", [cellAddress, content], () => {
      const sheet = this.sheet();
      const split = splitSheet(cellAddress);
      if (split.sheet !== undefined && folded(split.sheet) !== folded(sheet.name)) {
        throw invalidArgument(
          `"${cellAddress}" is not on "${sheet.name}"`,
          "CommentCollection.add",
        );
      }
      const bounds = parseBounds(split.address);
      if (bounds.top !== bounds.bottom || bounds.left !== bounds.right) {
        throw invalidArgument("A comment goes on one cell", "CommentCollection.add");
      }
      if (sheet.comments.some((c) => c.row === bounds.top && c.column === bounds.left)) {
        throw new FakeOfficeError(
          "InvalidOperation",
          "The cell already has a comment",
          "CommentCollection.add",
        );
      }
      added = {
        id: String(this.context.engine.state.nextId++),
        sheet,
        row: bounds.top,
        column: bounds.left,
        authorName: "Fake User",
        content,
      };
      sheet.comments.push(added);
    });
    return comment;
  }
}
