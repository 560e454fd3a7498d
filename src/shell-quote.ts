// One word for a POSIX shell, quoted: what the contract suite's and the docs page's curl lines
// are made of.

/** `text` as one shell word in single quotes (a quote inside closed, escaped, reopened). */
export const shellQuote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;
