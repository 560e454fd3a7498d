// Local HTTP servers a test file starts: listened on a free loopback port, and all closed when
// the file is done.
import type { Server } from "node:http";
import { afterAll } from "vitest";

/** Starts `server` on 127.0.0.1 (a free port) and resolves with its URL; it is closed after the file's tests. */
export function serversOfThisFile(): (server: Server) => Promise<string> {
  const servers: Server[] = [];
  afterAll(() => {
    for (const server of servers) {
      server.close();
      server.closeAllConnections();
    }
  });
  return async (server) => {
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    return `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  };
}
