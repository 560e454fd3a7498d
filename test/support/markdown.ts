// Reading the README and docs/ as the tests that hold them to the code do: the fenced code
// blocks of a page (indented ones too, as in a list) and the text of one `## ` section.

/** A fenced code block: its language ("" for none), its text (indentation removed, ending in a newline) and its first line's number. */
export interface CodeBlock {
  language: string;
  code: string;
  line: number;
}

/** Every fenced code block of `text`, in order; only those in `language` when it is given. */
export function codeBlocks(text: string, language?: string): CodeBlock[] {
  const found: CodeBlock[] = [];
  let open: { language: string; indent: number; line: number; lines: string[] } | undefined;
  text.split("\n").forEach((line, at) => {
    const fence = /^( *)```(.*)$/.exec(line);
    if (!fence) open?.lines.push(line.slice(Math.min(open.indent, /^ */.exec(line)?.[0].length ?? 0)));
    else if (!open) open = { language: (fence[2] ?? "").trim(), indent: fence[1]?.length ?? 0, line: at + 2, lines: [] };
    else if ((fence[2] ?? "").trim() === "") {
      found.push({ language: open.language, code: `${open.lines.join("\n")}\n`, line: open.line });
      open = undefined;
    } else open.lines.push(line);
  });
  return language === undefined ? found : found.filter((block) => block.language === language);
}

/** The text of the `## title` section of `text`, up to the next `## ` heading; "" when there is none. */
export function section(text: string, title: string): string {
  const start = text.indexOf(`\n## ${title}`);
  if (start < 0) return "";
  const end = text.indexOf("\n## ", start + 1);
  return text.slice(start + 1, end < 0 ? undefined : end);
}
