// Cross-origin access to `fake.listen`, for pages on this machine: the rendered docs' Try it
// panels (served by `npm start` on another port) call the fake from the browser. Only pages
// whose origin is loopback may read its answers: a page from anywhere else gets no CORS header,
// so the browser keeps the fake's answers from it.

const loopbackHosts = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** Whether a page at `origin` is served from this machine. */
export function isLoopbackOrigin(origin: string | undefined): origin is string {
  if (!origin) return false;
  try {
    const url = new URL(origin);
    return (url.protocol === "http:" || url.protocol === "https:") && loopbackHosts.has(url.hostname);
  } catch {
    return false;
  }
}

/** The headers every answer to a loopback page carries: it may read the answer, its status and every header. */
export function corsHeaders(origin: string | undefined): Record<string, string> {
  if (!isLoopbackOrigin(origin)) return {};
  return { "access-control-allow-origin": origin, "access-control-expose-headers": "*", vary: "origin" };
}

/** The answer to a preflight (OPTIONS with Access-Control-Request-Method), or undefined for any other request. */
export function preflightHeaders(method: string, origin: string | undefined, requested: string | undefined): Record<string, string> | undefined {
  if (method !== "OPTIONS" || requested === undefined) return undefined;
  return {
    ...corsHeaders(origin),
    ...(isLoopbackOrigin(origin) && {
      "access-control-allow-methods": "GET, POST, PUT, DELETE",
      "access-control-allow-headers": "X-Service-Auth, Content-Type, Accept, Prefer",
      "access-control-max-age": "600",
    }),
  };
}
