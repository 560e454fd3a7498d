// The fake's request journal: every API request it answered, oldest first, bounded; and the
// queries a test asks of it (`fake.requests({ operation, status, since, limit })`, or
// `GET /_fake/requests?operation=createUser&status=4xx`), as WireMock's `/__admin/requests/find`.
// One check of a query for both: a JavaScript caller gets a TypeError naming the field, an HTTP
// caller a 422 with the same words.
import type { OperationId } from "../types.ts";
import { isOperationId, operationIds } from "./routes.ts";

/** A request the fake answered, as `fake.requests()` and `GET /_fake/requests` list it. Holds no header value, so no credential. */
export interface JournalEntry {
  /** The operation it matched, or undefined for a request that matched none (a 404 or 405). */
  operation: OperationId | undefined;
  /** "GET", "POST", … */
  method: string;
  /** The path as sent, e.g. "/v1/service/service/s1/users". */
  path: string;
  /** The path parameters, decoded, e.g. { ServiceId: "s1" }. */
  params: Record<string, string>;
  /** The request body parsed as JSON; undefined when there was none or it was not JSON. */
  body: unknown;
  /** The status answered; undefined when the connection was dropped (a `drop` fault). */
  status: number | undefined;
  /** When it arrived, on the fake's clock (ms since the epoch). */
  at: number;
}

/** A status class, as WireMock and HTTP write them: `"2xx"` … `"5xx"`. */
export type StatusClass = `${1 | 2 | 3 | 4 | 5}xx`;

/** Which journal entries to list; every field narrows, none lists them all. */
export interface RequestQuery {
  /** Only requests that matched this operation. */
  operation?: OperationId;
  /** Only requests answered with this status, or with a status of this class (`"4xx"`). */
  status?: number | StatusClass;
  /** Only requests that arrived at or after this instant (ms since the epoch, on the fake's clock, as the entries' `at`). */
  since?: number;
  /** At most this many: the newest ones, still oldest first. */
  limit?: number;
}

/** A query that cannot be asked: `field` names what is wrong. */
export class QueryError extends TypeError {
  /** "QueryError". */
  override name = "QueryError";
  constructor(
    /** The field of the query that cannot be read: operation, status, since, limit, or one the journal is not queried by. */
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

const queryFields = ["operation", "status", "since", "limit"] as const;
const isStatusClass = (value: string): value is StatusClass => /^[1-5]xx$/.test(value);

/**
 * A query checked whole: each field of the type it must be, nothing else in it. Values read from
 * a URL arrive as strings and are read as the numbers they spell. Throws QueryError naming the field.
 */
export function checkedQuery(query: unknown, fromUrl = false): RequestQuery {
  if (query === undefined) return {};
  if (typeof query !== "object" || query === null || Array.isArray(query)) throw new QueryError("query", "must be an object");
  const given: Record<string, unknown> = { ...query };
  const unknown = Object.keys(given).find((key) => !(queryFields as readonly string[]).includes(key));
  if (unknown !== undefined) throw new QueryError(unknown, `is not something the journal is queried by; it is queried by ${queryFields.join(", ")}`);
  const out: RequestQuery = {};
  const number = (field: string, value: unknown, min: number, max: number): number => {
    const read = fromUrl && typeof value === "string" && /^\d{1,16}$/.test(value) ? Number(value) : value;
    if (typeof read !== "number" || !Number.isSafeInteger(read) || read < min || read > max) {
      throw new QueryError(field, `must be a whole number from ${min} to ${max}, not ${JSON.stringify(value)}`);
    }
    return read;
  };
  const { operation, status, since, limit } = given;
  if (operation !== undefined) {
    if (typeof operation !== "string" || !isOperationId(operation)) {
      throw new QueryError("operation", `no operation is named ${JSON.stringify(operation)}; the operations are ${operationIds.join(", ")}`);
    }
    out.operation = operation;
  }
  if (status !== undefined) {
    // "4xx" or "4XX", as people write a class.
    const lowered = typeof status === "string" ? status.toLowerCase() : "";
    out.status = typeof status === "string" && isStatusClass(lowered) ? lowered : number("status", status, 100, 599);
  }
  if (since !== undefined) out.since = number("since", since, 0, 8.64e15);
  if (limit !== undefined) out.limit = number("limit", limit, 1, Number.MAX_SAFE_INTEGER);
  return out;
}

/** Whether an answered status is the one asked for, or of the class asked for. */
function statusMatches(asked: number | StatusClass, status: number | undefined): boolean {
  if (status === undefined) return false;
  return typeof asked === "number" ? status === asked : Math.floor(status / 100) === Number(asked[0]);
}

/** The journal: entries kept up to `max`, oldest dropped first; none kept when `max` is 0. */
export function createJournal(max: number) {
  const entries: JournalEntry[] = [];
  return {
    record(entry: JournalEntry): void {
      if (max === 0) return;
      entries.push(entry);
      if (entries.length > max) entries.splice(0, entries.length - max);
    },
    clear(): void {
      entries.length = 0;
    },
    /** The entries the query names, oldest first; `limit` keeps the newest. */
    find(query: RequestQuery = {}): JournalEntry[] {
      const found = entries.filter(
        (entry) =>
          (query.operation === undefined || entry.operation === query.operation) &&
          (query.status === undefined || statusMatches(query.status, entry.status)) &&
          (query.since === undefined || entry.at >= query.since),
      );
      return query.limit === undefined ? found : found.slice(-query.limit);
    },
  };
}
