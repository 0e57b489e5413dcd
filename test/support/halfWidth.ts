import { readFileSync } from "node:fs";
import * as ts from "typescript";

/** Half-width punctuation in Chinese prose, once numbers (1,234.5 or 70%) are set aside. */
export function halfWidthIn(text: string): string[] {
  return [...text.replace(/\d[\d,.]*/g, "0").matchAll(/[,:;()!?"]/g)].map((m) => m[0]);
}

/** The literal text of every string and template in a source file, placeholders left out. */
export function literalTexts(file: string): { line: number; text: string }[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, "utf8"),
    ts.ScriptTarget.Latest,
    true,
  );
  const found: { line: number; text: string }[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    ) {
      // Keys and the language codes ("zh-CN") are not text the pane shows.
      const key = ts.isPropertyAssignment(node.parent) && node.parent.name === node;
      if (!key && !ts.isLiteralTypeNode(node.parent))
        found.push({
          line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1,
          text: node.text,
        });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
