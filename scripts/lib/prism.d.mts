import type { ChildProcess } from "node:child_process";
export function freePort(): Promise<number>;
export function startPrism(options?: {
  port?: number;
  mode?: string[];
  document?: string;
  verbosity?: string;
}): Promise<{ url: string; stop: () => Promise<void>; output: () => string; child: ChildProcess }>;
