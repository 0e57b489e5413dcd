import type { Language } from "./language";

export type MessageParams = Record<string, string | number>;

/** One message in every language, built from its parameters. */
export type MessageText = Record<Language, (p: MessageParams) => string>;

/** Messages by code. Each area of the engine keeps its own catalog; `formatNotice` reads them all. */
export type MessageCatalog = Record<string, MessageText>;
