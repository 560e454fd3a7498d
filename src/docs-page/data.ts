// What the Try it panels are built from: the document's operations as scripts/lib/try-it-data.mjs
// reads them at build time, embedded in the page as JSON (`<script type="application/json"
// id="try-it-data">`). Read once, checked for the shape the panels rely on.

/** A body field, as a form asks for it. */
export interface FieldData {
  name: string;
  /** The JSON type: "string", "boolean", "number", "integer". */
  type: string;
  required: boolean;
  description: string;
  enum?: string[];
  pattern?: string;
  example?: unknown;
}

/** One operation of the document, as its panel needs it. */
export interface OperationData {
  operationId: string;
  /** Its first tag: Redoc's section id is `tag/operationid`. */
  tag: string;
  summary: string;
  method: string;
  path: string;
  params: { name: string; description: string; example?: string }[];
  body?: { fields: FieldData[]; examples: { key: string; summary: string; value: unknown }[] };
  /** The path parameter the id of its 2xx answer fills (a create): e.g. ServiceId. */
  produces?: string;
}

export interface TryItData {
  title: string;
  version: string;
  /** The servers a reader may send to instead of the sandbox: those `npm start` serves. */
  servers: { url: string; description: string }[];
  /** The header that carries the credential: X-Service-Auth. */
  credentialHeader: string;
  operations: OperationData[];
}

/** A JSON object, as opposed to an array, null or a scalar. */
export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function isOperation(value: unknown): value is OperationData {
  return (
    isObject(value) &&
    typeof value.operationId === "string" &&
    typeof value.tag === "string" &&
    typeof value.method === "string" &&
    typeof value.path === "string" &&
    Array.isArray(value.params)
  );
}

function isTryItData(value: unknown): value is TryItData {
  return (
    isObject(value) &&
    typeof value.credentialHeader === "string" &&
    Array.isArray(value.servers) &&
    Array.isArray(value.operations) &&
    value.operations.every(isOperation)
  );
}

/** The embedded data, or undefined when the page has none (built without Try it) or it is not what the panels need. */
export function readTryItData(): TryItData | undefined {
  const text = document.getElementById("try-it-data")?.textContent;
  if (!text) return undefined;
  const parsed: unknown = JSON.parse(text);
  return isTryItData(parsed) ? parsed : undefined;
}
