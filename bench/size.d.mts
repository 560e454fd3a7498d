export const budgetGzipBytes: number;
export const targetGzipBytes: number;
export const apps: Record<string, string>;
export function bundleSize(source: string): Promise<{ minBytes: number; gzipBytes: number; brotliBytes: number }>;
export function sizes(): Promise<({ name: string } & Awaited<ReturnType<typeof bundleSize>>)[]>;
