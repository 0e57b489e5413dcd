import { FakeOfficeError, invalidArgument } from "./officeError";
import {
  type FakeSheet,
  type FakeVisibility,
  type FakeWorkbookState,
  findSheet,
  folded,
  newSheet,
} from "./workbookState";

const VISIBILITIES: readonly FakeVisibility[] = ["Visible", "Hidden", "VeryHidden"];

/** Why Excel refuses a sheet name, or null. */
export function sheetNameError(name: unknown): string | null {
  if (typeof name !== "string" || name.trim() === "") return "a sheet name cannot be blank";
  if (name.length > 31) return "a sheet name has at most 31 characters";
  if (/[:\\/?*[\]]/.test(name)) return "a sheet name cannot contain : \\ / ? * [ ]";
  if (name.startsWith("'") || name.endsWith("'"))
    return "a sheet name cannot start or end with an apostrophe";
  if (folded(name) === "HISTORY") return "History is a name Excel reserves";
  return null;
}

function checkNewName(state: FakeWorkbookState, name: string, except?: FakeSheet): void {
  const problem = sheetNameError(name);
  if (problem)
    throw invalidArgument(`The sheet name "${name}" is invalid: ${problem}.`, "Worksheet.name");
  const other = findSheet(state, name);
  if (other && other !== except) {
    throw new FakeOfficeError(
      "ItemAlreadyExists",
      `A resource with the same name or identifier already exists: "${name}".`,
      "Worksheet.name",
    );
  }
}

/** Appends a new sheet (Excel does not activate it). */
export function addSheet(state: FakeWorkbookState, name?: string): FakeSheet {
  let sheetName = name;
  if (sheetName === undefined) {
    let n = state.sheets.length + 1;
    while (findSheet(state, `Sheet${n}`)) n++;
    sheetName = `Sheet${n}`;
  }
  checkNewName(state, sheetName);
  const sheet = newSheet(`{${String(state.nextId++).padStart(8, "0")}}`, sheetName);
  state.sheets.push(sheet);
  return sheet;
}

export function renameSheet(state: FakeWorkbookState, sheet: FakeSheet, name: string): void {
  checkNewName(state, name, sheet);
  sheet.name = name;
}

function otherVisible(state: FakeWorkbookState, sheet: FakeSheet): FakeSheet | undefined {
  const at = state.sheets.indexOf(sheet);
  const after = state.sheets.slice(at + 1).find((s) => s.visibility === "Visible");
  return after ?? [...state.sheets.slice(0, at)].reverse().find((s) => s.visibility === "Visible");
}

/** Hides or shows a sheet; the last visible sheet cannot be hidden. */
export function setVisibility(
  state: FakeWorkbookState,
  sheet: FakeSheet,
  visibility: string,
): void {
  if (!VISIBILITIES.includes(visibility as FakeVisibility)) {
    throw invalidArgument(`"${visibility}" is not a sheet visibility`, "Worksheet.visibility");
  }
  if (visibility !== "Visible" && sheet.visibility === "Visible") {
    const next = otherVisible(state, sheet);
    if (!next) {
      throw new FakeOfficeError(
        "InvalidOperation",
        "A workbook must contain at least one visible worksheet.",
        "Worksheet.visibility",
      );
    }
    if (state.activeSheetId === sheet.id) state.activeSheetId = next.id;
  }
  sheet.visibility = visibility as FakeVisibility;
}

export function moveSheet(state: FakeWorkbookState, sheet: FakeSheet, position: number): void {
  if (!Number.isInteger(position) || position < 0 || position >= state.sheets.length) {
    throw invalidArgument(
      `Position ${position} is outside the workbook's sheets`,
      "Worksheet.position",
    );
  }
  state.sheets.splice(state.sheets.indexOf(sheet), 1);
  state.sheets.splice(position, 0, sheet);
}

/** Deletes a sheet and its tables; the last visible sheet cannot be deleted. */
export function deleteSheet(state: FakeWorkbookState, sheet: FakeSheet): void {
  if (sheet.visibility === "Visible" && !otherVisible(state, sheet)) {
    throw new FakeOfficeError(
      "InvalidOperation",
      "A workbook must contain at least one visible worksheet.",
      "Worksheet.delete",
    );
  }
  if (state.activeSheetId === sheet.id)
    state.activeSheetId = (otherVisible(state, sheet) as FakeSheet).id;
  if (state.selection?.sheetId === sheet.id) state.selection = null;
  state.tables = state.tables.filter((t) => t.sheet !== sheet);
  state.sheets.splice(state.sheets.indexOf(sheet), 1);
  sheet.deleted = true;
}

/** Makes a sheet the active one; a hidden sheet cannot be activated. */
export function activateSheet(state: FakeWorkbookState, sheet: FakeSheet): void {
  if (sheet.visibility !== "Visible") {
    throw new FakeOfficeError(
      "InvalidOperation",
      `The hidden sheet "${sheet.name}" cannot be activated.`,
      "Worksheet.activate",
    );
  }
  state.activeSheetId = sheet.id;
}
