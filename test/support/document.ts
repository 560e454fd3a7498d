// The document's operations, statuses and examples, as the tests read them.
import { listOperations, loadDocument } from "../../scripts/lib/document.mjs";

export interface DocumentedResponse {
  operationId: string;
  method: string;
  path: string;
  status: number;
  /** The first named example of the JSON body, or undefined when the answer has no body. */
  example: unknown;
  examples: Record<string, unknown>;
}

export const documentedOperations = listOperations(await loadDocument());

export const documentedResponses: DocumentedResponse[] = documentedOperations.flatMap(({ operationId, method, path, operation }) =>
  Object.entries(operation.responses as Record<string, { content?: Record<string, unknown> }>).map(([status, response]) => {
    const media = response.content?.["application/json"] as { examples?: Record<string, { value: unknown }> } | undefined;
    const examples = Object.fromEntries(Object.entries(media?.examples ?? {}).map(([name, example]) => [name, example.value]));
    return { operationId, method: method.toUpperCase(), path, status: Number(status), example: Object.values(examples)[0], examples };
  }),
);
