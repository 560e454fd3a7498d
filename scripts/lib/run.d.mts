export const quietEnv: NodeJS.ProcessEnv;
export function bin(name: string): string;
export function run(command: string, args: string[], options?: { cwd?: string; echo?: boolean }): Promise<{ code: number | null; output: string }>;
