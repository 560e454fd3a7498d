// What the suite reads off the document's operations, with no operation named: the resource
// tree — which POST creates the resource a path parameter names (the POST on the path before
// `/{Param}`), which operations read, list and delete it, under which parent it lives — which 4xx
// a bad body gets, and the two-factor pair (a start whose body picks a method, a verify whose
// answer says `verified`).
import { isJsonMediaType } from "../media-type.js";
import { templateNames } from "../path-template.ts";
import type { HttpOperation, JsonSchema, MediaContent } from "./prism.ts";

export interface Resource {
  /** The path parameter that names it, e.g. ServiceId. */
  param: string;
  /** The POST that creates it, and the field of its answer that holds the new id. */
  creator: HttpOperation;
  idField: string;
  /** The operations on its own path: GET reads it, DELETE deletes it. */
  reader?: HttpOperation;
  deleter?: HttpOperation;
  /** A GET on the creator's path that answers a list. */
  lister?: HttpOperation;
  /** The path of one resource, e.g. /v1/service/service/{ServiceId}. */
  path: string;
}

/** The two-factor pair: a start whose body picks a method, and a verify whose answer says `verified`. */
export interface TwoFactor {
  start: HttpOperation;
  verify: HttpOperation;
  methodField: string;
  tokenField: string;
  /** Wrong PINs a verification takes before it answers throttled: the verify's `x-wrong-pin-limit`. */
  wrongPinLimit?: number;
}

export interface ResourceTree {
  operations: HttpOperation[];
  resources: Map<string, Resource>;
  twoFactor?: TwoFactor;
}

export const pathParams = (operation: HttpOperation) => templateNames(operation.path);

const isJson = (content: MediaContent) => isJsonMediaType(content.mediaType);

export function requestContent(operation: HttpOperation): MediaContent | undefined {
  return operation.request?.body?.contents?.find(isJson);
}

/** The request fields the document marks writeOnly: sent, never in an answer (e.g. the phone number). */
export function writeOnlyFields(operations: HttpOperation[]): string[] {
  const fields = operations.flatMap((operation) =>
    Object.entries(requestContent(operation)?.schema?.properties ?? {})
      .filter(([, property]) => property.writeOnly === true)
      .map(([name]) => name),
  );
  return [...new Set(fields)];
}

export function successCodes(operation: HttpOperation): number[] {
  return operation.responses.map((one) => Number(one.code)).filter((code) => code >= 200 && code < 300);
}

export function declaredCodes(operation: HttpOperation): number[] {
  return operation.responses.map((one) => Number(one.code)).filter((code) => Number.isInteger(code));
}

export function successSchema(operation: HttpOperation): JsonSchema | undefined {
  const success = operation.responses.find((one) => /^2\d\d$/.test(one.code));
  return success?.contents?.find(isJson)?.schema;
}

/** The statuses a request with an invalid body may get: the declared 400/422, else any declared 4xx but auth and not-found. */
export function invalidInputCodes(operation: HttpOperation): number[] {
  const declared = declaredCodes(operation);
  const invalid = declared.filter((code) => code === 400 || code === 422);
  return invalid.length ? invalid : declared.filter((code) => code >= 400 && code < 500 && ![401, 403, 404].includes(code));
}

/** The operationId (or `METHOD /path`): how reports name an operation. */
export function operationName(operation: HttpOperation): string {
  return operation.iid ?? `${operation.method.toUpperCase()} ${operation.path}`;
}

/** The header that carries the credentials for this operation, or undefined when it declares none. */
export function authHeader(operation: HttpOperation): string | undefined {
  for (const alternative of operation.security ?? []) {
    for (const scheme of alternative) if (scheme.type === "apiKey" && scheme.in === "header" && scheme.name) return scheme.name;
  }
  return undefined;
}

/** The resource `operation` creates, if it is a creator. */
export function createdBy(tree: ResourceTree, operation: HttpOperation): Resource | undefined {
  return [...tree.resources.values()].find((one) => one.creator === operation);
}

/** The resource `operation` lists, if it is a lister. */
export function listedBy(tree: ResourceTree, operation: HttpOperation): Resource | undefined {
  return [...tree.resources.values()].find((one) => one.lister === operation);
}

/** The resource a resource lives under: the one its path names before its own id. */
export function parentOf(tree: ResourceTree, resource: Resource): Resource | undefined {
  const names = pathParams(resource.creator);
  return names.length ? tree.resources.get(names.at(-1)!) : undefined;
}

/** The resources that live directly under `resource`. */
export function childrenOf(tree: ResourceTree, resource: Resource): Resource[] {
  return [...tree.resources.values()].filter((one) => parentOf(tree, one) === resource);
}

/** The operations that name a resource by its id (reads, deletes, and what lies below it), but its create. */
export function operationsOn(tree: ResourceTree, resource: Resource): HttpOperation[] {
  return tree.operations.filter((one) => pathParams(one).includes(resource.param) && one !== resource.creator);
}

function idFieldOf(schema: JsonSchema | undefined, param: string): string | undefined {
  const names = Object.keys(schema?.properties ?? {});
  const plain = param.toLowerCase().replace(/[^a-z0-9]/g, "");
  return names.find((name) => name === "id") ?? names.find((name) => plain.endsWith(name.toLowerCase().replace(/[^a-z0-9]/g, "")));
}

export function buildResourceTree(operations: HttpOperation[]): ResourceTree {
  const find = (method: string, path: string) => operations.find((one) => one.method.toLowerCase() === method && one.path === path);
  const resources = new Map<string, Resource>();
  for (const operation of operations) {
    for (const param of templateNames(operation.path)) {
      if (resources.has(param)) continue;
      const at = operation.path.indexOf(`{${param}}`);
      const collection = operation.path.slice(0, at - 1);
      const path = operation.path.slice(0, at + param.length + 2);
      const creator = find("post", collection);
      const idField = creator && idFieldOf(successSchema(creator), param);
      if (!creator || !idField) continue;
      const lister = find("get", collection);
      resources.set(param, { param, creator, idField, path, reader: find("get", path), deleter: find("delete", path), ...(lister && { lister }) });
    }
  }
  return { operations, resources, ...twoFactorPair(operations) };
}

function twoFactorPair(operations: HttpOperation[]): Pick<ResourceTree, "twoFactor"> {
  for (const verify of operations) {
    const verified = successSchema(verify)?.properties?.verified;
    const verifyBody = requestContent(verify)?.schema;
    if (verified?.type !== "boolean" || !verifyBody) continue;
    const tokenField = (verifyBody.required ?? []).find((name) => verifyBody.properties?.[name]?.type === "string");
    const start = operations.find((one) => one !== verify && one.path === verify.path && one.method.toLowerCase() === "post");
    const startBody = start && requestContent(start)?.schema;
    const methodField = startBody && Object.keys(startBody.properties ?? {}).find((name) => startBody.properties?.[name]?.enum);
    const limit = verify.extensions?.["x-wrong-pin-limit"];
    if (start && tokenField && methodField) {
      return { twoFactor: { start, verify, methodField, tokenField, ...(typeof limit === "number" && { wrongPinLimit: limit }) } };
    }
  }
  return {};
}

/** Whether a value is a JSON object (not an array, null or a scalar). */
export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** A JSON object read loosely: itself when it is one, else an empty one. */
export const record = (value: unknown): Record<string, unknown> => (isRecord(value) ? value : {});
