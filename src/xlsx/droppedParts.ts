import { QUOTA_CHART_NAME } from "../sheets/repTabs";

/**
 * What rewriting an existing workbook would lose that the user can live without, by stable id:
 * `add-in-settings` are the task-pane bindings and settings Office add-ins keep in the file (the
 * plan itself lives in a sheet, which is kept); `add-in-charts` are the quota charts the add-in
 * drew on rep tabs (generated sheets, rewritten anyway; the add-in's Generate draws them again).
 */
export type DroppedPart = "add-in-settings" | "add-in-charts";

/**
 * True when a drawing's every anchored object is a graphic frame named as the quota chart.
 * @example onlyQuotaCharts(drawingXmlOfTheQuotaChart) === true
 */
export function onlyQuotaCharts(xml: string): boolean {
  const anchors = (xml.match(/<(?:\w+:)?(?:twoCellAnchor|oneCellAnchor|absoluteAnchor)\b/g) ?? [])
    .length;
  const frames = xml.match(/<(?:\w+:)?graphicFrame\b[\s\S]*?<\/(?:\w+:)?graphicFrame>/g) ?? [];
  const others = /<(?:\w+:)?(?:sp|pic|grpSp|cxnSp|contentPart)[\s>/]/.test(xml);
  return (
    anchors > 0 &&
    !others &&
    frames.length === anchors &&
    frames.every((frame) => {
      const name = /<(?:\w+:)?cNvPr\b[^>]*\bname="([^"]*)"/.exec(frame)?.[1];
      return name !== undefined && decodeXml(name) === QUOTA_CHART_NAME;
    })
  );
}

function decodeXml(text: string): string {
  return text.replace(
    /&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g,
    (_, hex, dec, named) =>
      hex
        ? String.fromCodePoint(parseInt(hex, 16))
        : dec
          ? String.fromCodePoint(Number(dec))
          : ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" } as Record<string, string>)[named],
  );
}
