// What the fake needs from Node, loaded when asked for: `process.getBuiltinModule` (Node
// 20.16+, Bun, Deno) instead of an import, so that `verigator/testing` still loads, and
// bundles, in browsers and workers where only `fake.fetch` applies. The shapes below are
// the few members used, so that the published types do not need @types/node.
import { corsHeaders, preflightHeaders } from "./cors.ts";
import type { Handled } from "./fake.ts";
import { dropped } from "./fake.ts";

interface IncomingMessage extends AsyncIterable<Uint8Array> {
  method?: string;
  url?: string;
  headers: Record<string, string | string[] | undefined>;
  rawHeaders: string[];
  socket: { destroy(): void };
}
interface ServerResponse {
  writeHead(status: number, headers: [string, string][] | Record<string, string>): ServerResponse;
  end(body?: Uint8Array): void;
  on(event: "close", listener: () => void): void;
  writableFinished: boolean;
}
interface HttpServer {
  listen(port: number, host: string, callback: () => void): void;
  once(event: "error", listener: (error: Error) => void): void;
  address(): { port: number } | string | null;
  close(callback: (error?: Error) => void): void;
  closeAllConnections(): void;
}
interface NodeHttp {
  createServer(listener: (request: IncomingMessage, response: ServerResponse) => void): HttpServer;
}
interface NodeModule {
  createRequire(from: string): (id: string) => unknown;
}

/** A member of an object, read without assuming its type: what a runtime module holds is checked, not cast. */
export const member = (value: unknown, name: string): unknown =>
  (typeof value === "object" && value !== null) || typeof value === "function" ? Reflect.get(value, name) : undefined;
const hasFunction = (name: string) => (value: unknown) => typeof member(value, name) === "function";

/** A Node built-in, when this runtime has it and it has what `has` checks for. */
export function nodeBuiltin<T>(id: string, feature: string, has: (module: unknown) => module is T): T {
  const get = member(member(globalThis, "process"), "getBuiltinModule");
  const found: unknown = typeof get === "function" ? Reflect.apply(get, undefined, [id]) : undefined;
  if (!has(found)) throw new Error(`${feature} needs Node.js 20.16 or later (process.getBuiltinModule); in this runtime use fake.fetch`);
  return found;
}

const isNodeModule = (value: unknown): value is NodeModule => hasFunction("createRequire")(value);
const isNodeHttp = (value: unknown): value is NodeHttp => hasFunction("createServer")(value);

/** `require` for an optional peer dependency, resolved from this package. */
export function requireOptional(id: string, feature: string, install: string): unknown {
  const load = nodeBuiltin("node:module", feature, isNodeModule).createRequire(import.meta.url);
  try {
    return load(id);
  } catch (error) {
    if (member(error, "code") === "MODULE_NOT_FOUND") throw new Error(`${feature} needs ${id}: npm install --save-dev ${install}`);
    throw error;
  }
}

/** A fake served over HTTP by `fake.listen`. */
export interface FakeServer {
  /** `http://host:port`, to use as the client's baseUrl. */
  url: string;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

/** Where `fake.listen` serves the fake. */
export interface ListenOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
}

/** The path and query of a request target: origin form as is; absolute form (what a client sends a proxy, RFC 9112 §3.2.2) as its path. */
function originForm(target: string | undefined): string {
  if (!target) return "/";
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) return target.startsWith("/") ? target : `/${target}`;
  try {
    const url = new URL(target);
    return url.pathname + url.search;
  } catch {
    return "/";
  }
}

/** A request header as one string (undefined when absent). */
function header(incoming: IncomingMessage, name: string): string | undefined {
  const value = incoming.headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}

/** The body, read up to `limit` bytes; undefined past it (the rest is never buffered). */
async function boundedBody(incoming: IncomingMessage, limit: number): Promise<Uint8Array[] | undefined> {
  const declared = Number(incoming.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) return undefined;
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of incoming) {
    size += chunk.byteLength;
    if (size > limit) return undefined;
    chunks.push(chunk);
  }
  return chunks;
}

/** Serves `handle` over HTTP with Node's http module; bodies over `maxBodyBytes` get 413 while they are read. */
export function listen(
  handle: (request: Request) => Promise<Handled>,
  { port = 0, host = "127.0.0.1" }: ListenOptions = {},
  maxBodyBytes = 1024 * 1024,
): Promise<FakeServer> {
  const http = nodeBuiltin("node:http", "fake.listen", isNodeHttp);
  const origin = (actual: number) => `http://${host.includes(":") ? `[${host}]` : host}:${actual}`;
  let base = "";
  const server = http.createServer(async (incoming, outgoing) => {
    const aborted = new AbortController();
    outgoing.on("close", () => outgoing.writableFinished || aborted.abort());
    const origin = header(incoming, "origin");
    const preflight = preflightHeaders(incoming.method ?? "GET", origin, header(incoming, "access-control-request-method"));
    if (preflight) {
      outgoing.writeHead(204, preflight).end();
      return;
    }
    const cors = corsHeaders(origin);
    try {
      const chunks = await boundedBody(incoming, maxBodyBytes);
      if (!chunks) {
        // Before auth and routing: the connection closes after the answer, so the rest of the body is never read.
        const body = new TextEncoder().encode(JSON.stringify({ message: `Request body too large: over ${maxBodyBytes} bytes` }));
        outgoing.writeHead(413, { "content-type": "application/json", connection: "close", ...cors }).end(body);
        return;
      }
      const headers = new Headers();
      for (let i = 0; i < incoming.rawHeaders.length; i += 2) headers.append(incoming.rawHeaders[i]!, incoming.rawHeaders[i + 1]!);
      const method = incoming.method ?? "GET";
      const body = chunks.length && method !== "GET" && method !== "HEAD" ? new Blob(chunks.map((chunk) => new Uint8Array(chunk))) : undefined;
      const answer = await handle(new Request(base + originForm(incoming.url), { method, headers, body, signal: aborted.signal }));
      if (answer === dropped) return incoming.socket.destroy();
      const bytes = new Uint8Array(await answer.arrayBuffer());
      outgoing.writeHead(answer.status, [...answer.headers, ...Object.entries(cors)]).end(bytes);
    } catch {
      // The client went away (abort during a delay) or the request was unreadable: nothing to answer.
      incoming.socket.destroy();
    }
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const address = server.address();
      base = origin(typeof address === "object" && address ? address.port : port);
      resolve({
        url: base,
        close: () =>
          new Promise<void>((done, failed) => {
            server.close((error) => (error ? failed(error) : done()));
            server.closeAllConnections();
          }),
      });
    });
  });
}
