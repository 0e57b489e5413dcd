/**
 * Joins the headers a message lists into one parameter (headers may hold commas and spaces).
 * @example ["日期", "金额"].join(HEADER_SEPARATOR).split(HEADER_SEPARATOR).length === 2
 */
export const HEADER_SEPARATOR = "\u001f";
