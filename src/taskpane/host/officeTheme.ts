/** The pane's colour scheme, following Office's theme. */
export type PaneTheme = "light" | "dark";

/** Relative luminance of a `#rrggbb` colour (0 black … 1 white); null when it is not one. */
function luminance(colour: string | undefined): number | null {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour?.trim() ?? "");
  if (!match) return null;
  const [r, g, b] = match.slice(1).map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Dark when Office paints the pane's body dark (the Black and Dark Gray themes), else light.
 * @example themeFromOffice({ bodyBackgroundColor: "#262626" }) === "dark"; themeFromOffice(undefined) === "light"
 */
export function themeFromOffice(
  officeTheme: { bodyBackgroundColor?: string; isDarkTheme?: boolean } | undefined | null,
): PaneTheme {
  if (!officeTheme) return "light";
  if (typeof officeTheme.isDarkTheme === "boolean")
    return officeTheme.isDarkTheme ? "dark" : "light";
  const l = luminance(officeTheme.bodyBackgroundColor);
  return l !== null && l < 0.2 ? "dark" : "light";
}
