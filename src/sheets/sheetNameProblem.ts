import { foldSheetName, MAX_SHEET_NAME } from "./sheetNames";

/**
 * Why Excel would refuse a sheet name, or `null` when it is fine: one rule for both writers, so a
 * name one of them takes the other takes too. A name of spaces only is refused as empty (Excel
 * does not let a user type one).
 * @example sheetNameProblem("Q1/Q2") === "contains one of : \\ / ? * [ ]"
 */
export function sheetNameProblem(name: string): string | null {
  if (name.trim().length === 0) return "empty";
  if (name.length > MAX_SHEET_NAME) return `longer than ${MAX_SHEET_NAME} characters`;
  if (/[:\\/?*[\]]/.test(name)) return "contains one of : \\ / ? * [ ]";
  if (name.startsWith("'") || name.endsWith("'")) return "starts or ends with an apostrophe";
  if (foldSheetName(name) === foldSheetName("History")) return "reserved by Excel";
  return null;
}
