// Services and users the fake starts with, at fixed ids (`services` option, `verigator fake
// --services FILE`). Checked whole before anything is loaded, against the document's own
// rules for creating them (the generated request schemas) and the fake's: ids present and
// unique, fqdn unique, id_in_service unique within its service. A bad entry is named with its
// field: `services[0].users[1].phone_number must match ^\+[0-9]+$`.
import { operationTable } from "../../generated/operation-table.ts";
import type { CheckedSchema } from "../schema-check.ts";
import { findProblem } from "../schema-check.ts";
import type { RequestBody } from "../types.ts";
import { conforms, isRecord } from "./conforms.ts";

/** A user to preload: what adding a user takes, and the id it is known by. Ids need not be UUIDs. */
export type PreloadedUser = RequestBody<"createUser"> & {
  /** The UserId the fake answers for this user. */
  id: string;
};

/** A service to preload, with its users: what creating a service takes, and the id it is known by. */
export type PreloadedService = RequestBody<"createService"> & {
  /** The ServiceId the fake answers for this service, e.g. the one your app is configured with. */
  id: string;
  /** Its users, if any. */
  users?: PreloadedUser[];
};

const serviceSchema: CheckedSchema = operationTable.createService.request;
const userSchema: CheckedSchema = operationTable.createUser.request;

/** Throws a TypeError naming the entry and field of the first problem; returns the entries, checked. */
export function checkedServices(services: unknown): PreloadedService[] {
  if (services === undefined) return [];
  if (!Array.isArray(services)) throw new TypeError("services must be an array of { id, fqdn, name, users }");
  const serviceIds = new Set<string>();
  const fqdns = new Set<string>();
  return services.map((service: unknown, s) => {
    const at = `services[${s}]`;
    const { id, users, ...created } = record(service, at);
    const serviceId = checkId(id, `${at}.id`, serviceIds);
    fail(findProblem(serviceSchema, created), at);
    if (!conforms("createService", created)) throw new TypeError(`${at} is not what creating a service takes`);
    if (fqdns.has(created.fqdn)) throw new TypeError(`${at}.fqdn ${JSON.stringify(created.fqdn)} is already taken by another service`);
    fqdns.add(created.fqdn);
    if (users === undefined) return { ...created, id: serviceId };
    if (!Array.isArray(users)) throw new TypeError(`${at}.users must be an array`);
    const userIds = new Set<string>();
    const names = new Set<string>();
    const checkedUsers = users.map((user: unknown, u): PreloadedUser => {
      const userAt = `${at}.users[${u}]`;
      const { id: given, ...added } = record(user, userAt);
      const userId = checkId(given, `${userAt}.id`, userIds);
      fail(findProblem(userSchema, added), userAt);
      if (!conforms("createUser", added)) throw new TypeError(`${userAt} is not what adding a user takes`);
      if (names.has(added.id_in_service)) throw new TypeError(`${userAt}.id_in_service ${JSON.stringify(added.id_in_service)} is already a user of ${at}`);
      names.add(added.id_in_service);
      return { ...added, id: userId };
    });
    return { ...created, id: serviceId, users: checkedUsers };
  });
}

function record(value: unknown, at: string): Record<string, unknown> {
  if (!isRecord(value)) throw new TypeError(`${at} must be an object`);
  return value;
}

function checkId(id: unknown, at: string, seen: Set<string>): string {
  if (typeof id !== "string" || !id) throw new TypeError(`${at} must be a non-empty string`);
  if (/[/?#]/.test(id)) throw new TypeError(`${at} ${JSON.stringify(id)} cannot be a path segment (no /, ? or #)`);
  if (seen.has(id)) throw new TypeError(`${at} ${JSON.stringify(id)} is used twice`);
  seen.add(id);
  return id;
}

function fail(problem: [field: string, reason: string] | undefined, at: string): void {
  if (problem) throw new TypeError(`${problem[0] === "body" ? at : `${at}.${problem[0]}`} ${problem[1]}`);
}
