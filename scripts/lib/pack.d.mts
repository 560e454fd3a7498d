export const consumerDir: string;
export function packIntoConsumer(): Promise<{ tarball: string; bytes: number; unpackedBytes: number; files: string[] }>;
