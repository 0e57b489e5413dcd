/**
 * The version of `stp`: package.json's, read where it sits both from `src/cli` (tests) and from
 * the compiled `build/cli` (the `stp` command), so the two never disagree.
 * @example STP_VERSION === "0.1.0"
 */
// package.json lies outside the compiled folder (`rootDir` is src), so it is required at run
// time rather than imported, which would copy it into the build.
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const STP_VERSION: string = (require("../../package.json") as { version: string }).version;
