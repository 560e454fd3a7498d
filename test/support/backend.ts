// The recommended browser setup's "own backend": a loopback server on its own origin that
// forwards /verigator/* to the Verigator API (here the Prism mock), adding X-Service-Auth,
// with CORS for the page's origin. The credentials never reach the browser.

import type { Server } from "node:http";
import { createServer } from "node:http";

export async function startBackend(upstream: string, pageOrigin: string, serviceAuth: string) {
  const cors = {
    "access-control-allow-origin": pageOrigin,
    "access-control-allow-headers": "content-type, accept, prefer",
    "access-control-allow-methods": "GET, POST, PUT, DELETE",
    "access-control-expose-headers": "x-request-id",
  };
  const server: Server = createServer(async (request, response) => {
    if (request.method === "OPTIONS") return void response.writeHead(204, cors).end();
    if (!request.url?.startsWith("/verigator/")) return void response.writeHead(404, cors).end();
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const headers: Record<string, string> = { "X-Service-Auth": serviceAuth, Accept: "application/json" };
    for (const name of ["content-type", "prefer"]) {
      const value = request.headers[name];
      if (typeof value === "string") headers[name] = value;
    }
    const answer = await fetch(upstream + request.url.slice("/verigator".length), {
      method: request.method,
      headers,
      body: chunks.length ? Buffer.concat(chunks) : undefined,
    });
    const body = Buffer.from(await answer.arrayBuffer());
    response.writeHead(answer.status, { ...cors, "content-type": answer.headers.get("content-type") ?? "application/octet-stream" }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/verigator`, close: () => server.close() };
}
