/** Error codes Excel's JavaScript API reports, the subset the strict workbook raises. */
export type FakeErrorCode =
  | "PropertyNotLoaded"
  | "ItemNotFound"
  | "ItemAlreadyExists"
  | "InvalidArgument"
  | "InvalidOperation"
  | "InvalidReference"
  | "InvalidObjectPath"
  | "ApiNotFound"
  | "GeneralException"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded"
  | "NotImplementedInFake";

/**
 * An error shaped like Office.js's `OfficeExtension.Error` (`name` "RichApi.Error", a `code`, and
 * `debugInfo`), so code that handles Excel's errors handles the fake's the same way.
 */
export class FakeOfficeError extends Error {
  override readonly name = "RichApi.Error";
  readonly code: FakeErrorCode;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };

  constructor(code: FakeErrorCode, message: string, errorLocation?: string) {
    super(message);
    this.code = code;
    this.debugInfo = errorLocation ? { code, message, errorLocation } : { code, message };
  }
}

/**
 * The error every call the fake does not emulate throws, so nothing passes silently.
 * @example notImplemented("Worksheet.charts").message === "Worksheet.charts is not implemented in the fake"
 */
export function notImplemented(what: string): FakeOfficeError {
  return new FakeOfficeError("NotImplementedInFake", `${what} is not implemented in the fake`);
}

/**
 * What Office.js throws when a property is read before it was loaded and synced.
 * @example propertyNotLoaded("Range", "values").code === "PropertyNotLoaded"
 */
export function propertyNotLoaded(typeName: string, property: string): FakeOfficeError {
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the ` +
      `load method on the containing object and call "context.sync()" on the associated request ` +
      `context.`,
    `${typeName}.${property}`,
  );
}

/** InvalidArgument with a location, as Excel reports a bad input. */
export function invalidArgument(message: string, location: string): FakeOfficeError {
  return new FakeOfficeError("InvalidArgument", message, location);
}
