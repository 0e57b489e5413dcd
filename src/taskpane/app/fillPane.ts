import type { CSSProperties } from "react";

/** The theme's background reaches the bottom of the pane, below short steps too. */
export const FILL_PANE: CSSProperties = { minHeight: "100vh" };
