// A free TCP port, for the tests and scripts that must name one before a process listens on it
// (workerd's config, npm start's fixed ports). Prism and the fakes take port 0 instead.
import { createServer } from "node:net";

/** @returns {Promise<number>} a port on 127.0.0.1 that was free a moment ago */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}
