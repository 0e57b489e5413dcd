import { xmlAttribute, type XmlHandler } from "./xmlScanner";

/** A comment (a note, in Excel's newer words) on a cell, as a comments part holds it. */
export type CellComment = { ref: string; author: string; text: string };

/**
 * Collects the comments of a sheet's comments part (`xl/comments1.xml`) as it is scanned: each
 * comment's cell, author and text (rich-text runs joined, phonetic runs left out). A threaded
 * comment of newer Excel is saved with such a part too, its thread as the text.
 * @example const s = new CommentsScanner(); new XmlScanner(s).feed(bytes); s.comments[0].ref === "E5"
 */
export class CommentsScanner implements XmlHandler {
  readonly comments: CellComment[] = [];
  private readonly authors: string[] = [];
  private author: string | null = null;
  private current: { ref: string; authorId: number; text: string } | null = null;
  private inText = false;
  private phonetic = 0;

  open(name: string, attributes: string, selfClosing: boolean): void {
    if (name === "author") {
      if (selfClosing) this.authors.push("");
      else this.author = "";
    } else if (name === "comment") {
      this.current = {
        ref: xmlAttribute(attributes, "ref") ?? "",
        authorId: Number(xmlAttribute(attributes, "authorId") ?? -1),
        text: "",
      };
      if (selfClosing) this.endComment();
    } else if (name === "rPh") {
      if (!selfClosing) this.phonetic++;
    } else if (name === "t") {
      this.inText = !selfClosing;
    }
  }

  close(name: string): void {
    if (name === "author" && this.author !== null) {
      this.authors.push(this.author);
      this.author = null;
    } else if (name === "comment") {
      this.endComment();
    } else if (name === "rPh") {
      this.phonetic = Math.max(0, this.phonetic - 1);
    } else if (name === "t") {
      this.inText = false;
    }
  }

  text(text: string): void {
    if (this.author !== null) this.author += text;
    else if (this.current && this.inText && this.phonetic === 0) this.current.text += text;
  }

  private endComment(): void {
    const comment = this.current;
    this.current = null;
    if (!comment || comment.ref === "") return;
    this.comments.push({
      ref: comment.ref.split(":")[0].replace(/\$/g, ""),
      author: this.authors[comment.authorId] ?? "",
      text: comment.text,
    });
  }
}
