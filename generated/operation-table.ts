// generated from openapi/verigator.yaml by scripts/generate.mjs, do not edit
// Each operation's method, path and the schemas its body and answer are checked against.

/** The JSON Schema subset the table holds: what src/schema-check.ts checks. */
export interface CheckedSchema {
  /** A type, or several (OpenAPI 3.1: `[string, "null"]`). */
  readonly type?: string | readonly string[];
  readonly required?: readonly string[];
  readonly properties?: { readonly [name: string]: CheckedSchema };
  readonly items?: CheckedSchema;
  readonly enum?: readonly unknown[];
  readonly pattern?: string;
  readonly minLength?: number;
  readonly additionalProperties?: boolean;
}

/** One operation: its method, path template, and the schemas its body and answer are checked against. */
export interface OperationEntry {
  readonly method: string;
  readonly path: string;
  readonly request?: CheckedSchema;
  readonly response?: CheckedSchema;
}

const s0 = {"type":"string","minLength":1} as const;
const s1 = {"type":"string"} as const;
const s2 = {"type":"object","required":["id","name","ctime"],"properties":{"id":s1,"name":s1,"ctime":s1}} as const;
const s3 = {"type":"object","required":["id","ctime","id_in_service"],"properties":{"id":s1,"ctime":s1,"id_in_service":s1}} as const;
const s4 = {"type":"integer"} as const;
const s5 = {"type":"string","enum":["sms","totp"]} as const;
const s6 = {"type":"boolean"} as const;
const table = {
  createService: {"method":"POST","path":"/v1/service/service","request":{"type":"object","additionalProperties":false,"required":["fqdn","name"],"properties":{"fqdn":s0,"name":s0}},"response":s2},
  getService: {"method":"GET","path":"/v1/service/service/{ServiceId}","response":s2},
  deleteService: {"method":"DELETE","path":"/v1/service/service/{ServiceId}"},
  listUsers: {"method":"GET","path":"/v1/service/service/{ServiceId}/users","response":{"type":"object","required":["users"],"properties":{"users":{"type":"array","items":s3},"count":s4,"total":s4}}},
  createUser: {"method":"POST","path":"/v1/service/service/{ServiceId}/users","request":{"type":"object","additionalProperties":false,"required":["id_in_service","phone_number"],"properties":{"id_in_service":s0,"phone_number":{"type":"string","pattern":"^\\+[0-9]+$"}}},"response":s3},
  getUser: {"method":"GET","path":"/v1/service/service/{ServiceId}/users/{UserId}","response":s3},
  deleteUser: {"method":"DELETE","path":"/v1/service/service/{ServiceId}/users/{UserId}"},
  verifyPin: {"method":"PUT","path":"/v1/service/service/{ServiceId}/users/{UserId}/auth","request":{"type":"object","additionalProperties":false,"required":["token"],"properties":{"method":s5,"token":s0}},"response":{"type":"object","required":["verified"],"properties":{"verified":s6,"method":s5,"status":{"type":"object","required":["throttled","expired","invalid","result"],"properties":{"throttled":s6,"expired":s6,"invalid":s6,"result":s1}}}}},
  startAuthentication: {"method":"POST","path":"/v1/service/service/{ServiceId}/users/{UserId}/auth","request":{"type":"object","additionalProperties":false,"required":["method"],"properties":{"method":s5}},"response":{"type":"object","required":["method"],"properties":{"method":s5,"auth_id":{"type":["string","null"]}}}},
} as const;

/** Every operation of the document, by operationId: each entry as declared, with its own literal types. */
export const operationTable: { readonly [Op in keyof typeof table]: OperationEntry & (typeof table)[Op] } = table;
