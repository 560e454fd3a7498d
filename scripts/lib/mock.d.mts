import type { ChildProcess } from "node:child_process";
export function documentedAnswer(
  route: { statuses: Set<number> } | undefined,
  status: number,
  contentType: string,
): { status: number; message: string } | undefined;
export function startMock(options?: {
  port?: number;
  verbosity?: string;
  document?: string;
}): Promise<{ url: string; prismUrl: string; child: ChildProcess; output(): string; stop(): Promise<void> }>;
