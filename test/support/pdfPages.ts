import { execFile } from "node:child_process";

/** One page of a PDF: its text lines as laid out (blank lines left out) and its size in points. */
export type PdfPage = { number: number; lines: string[]; width: number; height: number };

/**
 * The pages of a PDF through poppler: `pdftotext -layout` for the text of each page (pages end
 * with a form feed), `pdfinfo` for each page's size.
 * @example const pages = await pdfPages("plan.pdf"); pages[0].lines[0] // the first sheet's title
 */
export async function pdfPages(pdf: string): Promise<PdfPage[]> {
  const text = await output("pdftotext", ["-layout", "-enc", "UTF-8", pdf, "-"]);
  const texts = text.split("\f");
  // The text ends with a form feed: nothing follows the last page.
  if (texts[texts.length - 1].trim() === "") texts.pop();
  const info = await output("pdfinfo", ["-f", "1", "-l", String(texts.length), pdf]);
  const sizes = new Map<number, { width: number; height: number }>();
  for (const match of info.matchAll(/^Page\s+(\d+)\s+size:\s+([\d.]+) x ([\d.]+) pts/gm)) {
    sizes.set(Number(match[1]), { width: Number(match[2]), height: Number(match[3]) });
  }
  return texts.map((pageText, i) => {
    const size = sizes.get(i + 1);
    if (!size) throw new Error(`pdfinfo gave no size for page ${i + 1} of ${pdf}`);
    const lines = pageText
      .split("\n")
      .map((line) => line.trimEnd())
      .filter((line) => line.trim() !== "");
    return { number: i + 1, lines, ...size };
  });
}

function output(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} failed: ${error.message}\n${stderr}`));
      else resolve(stdout);
    });
  });
}
