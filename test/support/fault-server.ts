// A loopback HTTP server of our own that misbehaves on cue: each request is handled by the
// next behaviour in the script (the last one repeats). It counts requests, keeps what it
// saw, and closes every socket when stopped.

import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer } from "node:http";
import type { Socket } from "node:net";

export type Behaviour = (request: IncomingMessage, response: ServerResponse, body: string) => void;

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

export async function startFaultServer(...script: Behaviour[]) {
  const seen: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk));
    request.on("end", () => {
      seen.push({ method: request.method ?? "", url: request.url ?? "", headers: request.headers, body });
      const behaviour = script[Math.min(seen.length - 1, script.length - 1)];
      behaviour?.(request, response, body);
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Behaviour =>
  (_, response) => {
    response.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
  };

export const text =
  (status: number, body: string, contentType: string, headers: Record<string, string> = {}): Behaviour =>
  (_, response) => {
    response.writeHead(status, { "content-type": contentType, ...headers }).end(body);
  };

/** Never answers. */
export const hang: Behaviour = () => {};

/** Answers after `ms`. */
export const after =
  (ms: number, then: Behaviour): Behaviour =>
  (request, response, body) => {
    const timer = setTimeout(() => then(request, response, body), ms);
    response.on("close", () => clearTimeout(timer));
  };

/** Drops the connection without answering, after the request arrived. */
export const dropBeforeAnswer: Behaviour = (request) => {
  request.socket.destroy();
};

/** Sends headers and half a body, then drops the connection. */
export const resetMidBody: Behaviour = (request, response) => {
  response.writeHead(200, { "content-type": "application/json", "content-length": "200" });
  response.write('{"id":"81213bfd-b690-499e-b9d2-');
  setTimeout(() => request.socket.destroy(), 20);
};

export const user = { id: "81213bfd-b690-499e-b9d2-8754cb1550e8", ctime: "2017-07-06T13:12:03.141Z", id_in_service: "john_doe" };
export const service = { id: "9a2d2fe5-d3e9-4c9a-a8b4-6c2f3f0b2e7d", name: "My service", ctime: "2017-07-06T13:12:03.141Z" };
