export const root: string;
export const documentPath: string;
export const methods: string[];
export interface OpenApiOperation {
  operationId: string;
  responses: Record<string, { description?: string; content?: Record<string, unknown> }>;
  requestBody?: unknown;
  [key: string]: unknown;
}
export function loadDocument(path?: string, options?: { dereference?: boolean }): Promise<Record<string, unknown>>;
export function listOperations(document: unknown): { operationId: string; method: string; path: string; operation: OpenApiOperation }[];
