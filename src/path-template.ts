// Path templates of the document (`/v1/service/service/{ServiceId}/users`): their parameter
// names, filling them, matching paths against them — one place for the client, the fake and
// the contract suite. (scripts/ keep their own: Node 20 cannot import TypeScript from a script.)

const parameter = /\{([^{}/]+)\}/g;

/** The template's parameter names, in order: `/a/{X}/b/{Y}` → ["X", "Y"]. */
export function templateNames(template: string): string[] {
  return [...template.matchAll(parameter)].map((found) => found[1]!);
}

/** The template with each parameter replaced by what `fill` gives for its name. */
export function fillTemplate(template: string, fill: (name: string) => string): string {
  return template.replace(parameter, (_, name: string) => fill(name));
}

/** Matches paths of the template, one capture per parameter (one path segment each). */
export function templatePattern(template: string): RegExp {
  const literal = template.split(parameter).map((part, at) => (at % 2 ? "([^/]+)" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
  return new RegExp(`^${literal.join("")}$`);
}
