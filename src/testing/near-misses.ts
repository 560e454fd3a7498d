// What the fake says of a request that matches no route, as WireMock's near misses do: the
// routes it nearly matched, closest first, each with what differs. The request's path segments
// are aligned with each route's template (an edit distance over segments, where a `{Param}`
// takes any non-empty segment); a wrong method counts as one difference more.
// Hand-written: WireMock's matcher is Java, and no npm library aligns path templates.

/** A route a request may be compared with: its method and its path template. */
export interface Candidate {
  method: string;
  template: string;
}

/** How many near misses an answer lists, closest first. */
export const maxNearMisses = 3;

/** A route is a near miss when it differs by at most this much: a method and a segment, or two segments alike (never two gaps). */
const maxDistance = 2.3;
/** A segment too many or missing: a little further than a wrong method, so a route that differs by its method alone comes first. */
const gapCost = 1.2;

const isParameter = (segment: string) => /^\{[^{}/]+\}$/.test(segment);
const segmentsOf = (path: string) => path.split("/").slice(1);

/** Levenshtein distance over characters, for how alike two literal segments are. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, at) => at);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * What reading `given` where the template has `template` costs: 0 for a match, 1 to 1.25 for a
 * literal nearly alike (a letter or case off: `user` for `users`), and past any near miss for
 * another word altogether (`nothing` is not a misspelt `totp`).
 */
function substitution(given: string, template: string): number {
  if (isParameter(template)) return given === "" ? 1 : 0;
  if (given === template) return 0;
  const unlike = editDistance(given.toLowerCase(), template.toLowerCase()) / Math.max(given.length, template.length, 1);
  return unlike <= 0.5 ? 1 + unlike / 2 : maxDistance + 1;
}

/** The cheapest alignment of the request's segments with the template's, and the differences along it. */
function align(given: string[], template: string[]): { cost: number; differences: string[] } {
  // cost[i][j]: aligning the first i given segments with the first j template segments.
  const cost = Array.from({ length: given.length + 1 }, (_, i) =>
    Array.from({ length: template.length + 1 }, (_, j) => (i === 0 ? j * gapCost : j === 0 ? i * gapCost : 0)),
  );
  for (let i = 1; i <= given.length; i++) {
    for (let j = 1; j <= template.length; j++) {
      cost[i]![j] = Math.min(cost[i - 1]![j]! + gapCost, cost[i]![j - 1]! + gapCost, cost[i - 1]![j - 1]! + substitution(given[i - 1]!, template[j - 1]!));
    }
  }
  // Back from the end; where two readings cost the same, a segment too many is read at the end
  // (`…/{UserId}/auth` read against `…/{UserId}` has `auth` too many, not the id).
  const differences: string[] = [];
  let [i, j] = [given.length, template.length];
  while (i > 0 || j > 0) {
    const here = cost[i]![j]!;
    if (i > 0 && here === cost[i - 1]![j]! + gapCost) {
      differences.unshift(given[i - 1] === "" ? "the path has an extra /" : `the path has ${given[i - 1]} too many`);
      i--;
    } else if (i > 0 && j > 0 && here === cost[i - 1]![j - 1]! + substitution(given[i - 1]!, template[j - 1]!)) {
      const [was, want] = [given[i - 1]!, template[j - 1]!];
      if (isParameter(want) && was === "") differences.unshift(`the path has an empty ${want}`);
      else if (!isParameter(want) && was !== want) differences.unshift(`the path has ${was || "an empty segment"}, not ${want}`);
      i--;
      j--;
    } else {
      differences.unshift(`the path lacks ${template[j - 1]}`);
      j--;
    }
  }
  return { cost: cost[given.length]![template.length]!, differences };
}

/**
 * The routes a request nearly matched, closest first, at most `maxNearMisses`: each as
 * `"POST /v1/service/service/{ServiceId}/users: the path has user, not users"`, or
 * `"GET /v1/service/service/{ServiceId}: the method"`. Empty when nothing is near.
 */
export function nearMisses(method: string, path: string, candidates: readonly Candidate[]): string[] {
  const given = segmentsOf(path);
  return candidates
    .map((candidate, order) => {
      const { cost, differences } = align(given, segmentsOf(candidate.template));
      const methodDiffers = candidate.method !== method.toUpperCase();
      return {
        order,
        distance: cost + (methodDiffers ? 1 : 0),
        text: `${candidate.method} ${candidate.template}: ${[...(methodDiffers ? ["the method"] : []), ...differences].join(", and ")}`,
      };
    })
    .filter((one) => one.distance > 0 && one.distance <= maxDistance)
    .sort((a, b) => a.distance - b.distance || a.order - b.order)
    .slice(0, maxNearMisses)
    .map((one) => one.text);
}
