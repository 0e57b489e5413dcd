import type { Notice } from "../engine/history";

/** Why a file could not be read or written. The CLI exits with 3 for every one of these. */
export type FileAccessErrorCode =
  | "file-not-found"
  | "file-unreadable"
  /** A folder, a named pipe, a device…: only regular files are read (`params.kind`). */
  | "file-not-regular"
  /** Larger than such a file can sensibly be (`params.size`, `params.limit`, in bytes). */
  | "file-too-large"
  | "file-unwritable"
  /** The file is not as it was read: another program saved, replaced or removed it meanwhile. */
  | "file-changed"
  | "unsupported-file-type"
  /** A workbook part inflating far beyond its compressed size, or beyond what its header says. */
  | "zip-bomb"
  /** A workbook part (or all of them) larger than the reader can hold. */
  | "workbook-too-large"
  /** Merged areas covering more cells than the reader can build (`params.part`, `area`). */
  | "merged-cells-too-many"
  /** A CSV quote that never closes (`params.line`), or closes lines later mid-field (`closes`). */
  | "csv-quote-unclosed"
  /** A CSV file in none of the encodings Excel saves CSV in (`params.line`: the first sign). */
  | "csv-encoding-unknown";

/**
 * A file that cannot be opened, parsed or written. `params.path` always names it; `params.reason`
 * says what went wrong in a few words when the operating system or the parser told us.
 */
export class FileAccessError extends Error {
  readonly code: FileAccessErrorCode;
  readonly path: string;
  readonly params: Record<string, string | number>;

  constructor(
    code: FileAccessErrorCode,
    path: string,
    params: Record<string, string | number> = {},
    options?: { cause?: unknown },
  ) {
    super(`${path}: ${code}${params.reason ? ` (${params.reason})` : ""}`, options);
    this.name = "FileAccessError";
    this.code = code;
    this.path = path;
    this.params = { path, ...params };
  }

  /** The notice this error carries, for the message catalog. */
  toNotice(): Notice {
    return { code: this.code, params: this.params };
  }
}

/** Why a plan workbook was not written. Nothing on disk changed when one of these is thrown. */
export type WorkbookWriteErrorCode =
  /** A sheet the writer did not generate already has a name the plan needs (`params.sheet`). */
  | "sheet-name-taken"
  /** A table of a sheet the write keeps has a name a generated table needs (`params.table`, `params.sheet`). */
  | "table-name-taken"
  /** The existing workbook holds parts that would be lost on rewriting (`params.parts`). */
  | "workbook-has-unkeepable-parts"
  /** A sheet model's name cannot be a worksheet name (`params.sheet`, `params.reason`). */
  | "sheet-name-invalid"
  /** A model cell holds what no worksheet cell can (`params.cell`, `params.reason`). */
  | "cell-value-invalid"
  /** Every sheet of the result would be hidden, which Excel cannot open. */
  | "no-visible-sheet";

/** What an existing workbook holds that rewriting it would drop, by stable id. */
export type UnkeepablePart =
  | "pivot-tables"
  | "charts"
  | "drawings"
  | "images"
  | "custom-xml"
  | "sparklines"
  | "macros"
  | "slicers"
  | "timelines"
  | "external-links"
  | "data-connections"
  | "threaded-comments"
  | "form-controls"
  | "embedded-objects"
  | "data-model";

/**
 * The plan workbook cannot be written without harming what the user has in it. `params.path` names
 * the file; `params.sheet` or `params.parts` (comma-separated ids) say what is in the way.
 */
export class WorkbookWriteError extends Error {
  readonly code: WorkbookWriteErrorCode;
  readonly path: string;
  readonly params: Record<string, string | number>;
  /** For `workbook-has-unkeepable-parts`: what was found, in a stable order. */
  readonly parts: UnkeepablePart[];

  constructor(
    code: WorkbookWriteErrorCode,
    path: string,
    params: Record<string, string | number> = {},
    parts: UnkeepablePart[] = [],
  ) {
    super(`${path}: ${code} ${JSON.stringify(params)}`);
    this.name = "WorkbookWriteError";
    this.code = code;
    this.path = path;
    this.params = { path, ...params };
    this.parts = parts;
  }

  /** The notice this error carries, for the message catalog. */
  toNotice(): Notice {
    return { code: this.code, params: this.params };
  }
}

/** A file-system error's code (`ENOENT`, `EACCES`…), when it has one. */
export function errnoCode(error: unknown): string | undefined {
  if (typeof error === "object" && error !== null && "code" in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === "string" ? code : undefined;
  }
  return undefined;
}

/** A short reason for a caught error, without stack or path noise. */
export function reasonOf(error: unknown): string {
  const code = errnoCode(error);
  if (code) return code;
  return error instanceof Error ? error.message : String(error);
}

/** Maps a failed read of `path` to the right FileAccessError. */
export function readFailure(path: string, error: unknown): FileAccessError {
  if (error instanceof FileAccessError) return error;
  const code = errnoCode(error);
  if (code === "ENOENT" || code === "ENOTDIR") {
    return new FileAccessError("file-not-found", path, {}, { cause: error });
  }
  return new FileAccessError(
    "file-unreadable",
    path,
    { reason: reasonOf(error) },
    { cause: error },
  );
}
