export function checkedSchema(schema: object, at?: string): object;
export function operationTable(document: unknown): string;
export function generatedFiles(): Promise<Record<string, string>>;
export function operationAnswers(document: unknown): string;
