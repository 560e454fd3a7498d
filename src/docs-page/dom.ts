// One small helper to make elements: a tag, its attributes and its children (text is text,
// never markup: nothing a server answers can run in the page).

type Child = Node | string | false | null | undefined;

/** An element with `attributes` (a `false`/undefined value leaves one out) and `children` (strings become text nodes). */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const made = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === undefined) continue;
    made.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children) if (child !== false && child !== null && child !== undefined) made.append(child);
  return made;
}
