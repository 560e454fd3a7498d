export const nodeVersions: string[];
export function nodeBinary(version: string): Promise<string>;
