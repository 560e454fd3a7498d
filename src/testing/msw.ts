// `fake.handlers`: MSW request handlers over the fake's state, for apps whose client cannot be
// given `fake.fetch`. msw is an optional peer dependency, loaded with require when first asked
// for: a static import would make `verigator/testing` fail to load without it. MSW matches
// handlers by their `kind`, so handlers from msw's CommonJS build serve msw/node's ESM
// setupServer as well.
import type { HttpHandler } from "msw";
import type { Handled } from "./fake.ts";
import { dropped } from "./fake.ts";
import { member, requireOptional } from "./node.ts";

interface Msw {
  http: { all(path: string, resolver: (info: { request: Request }) => Promise<Response>): HttpHandler };
  HttpResponse: { error(): Response };
}

/** What msw 2 exports, checked rather than assumed. */
function isMsw(value: unknown): value is Msw {
  return typeof member(member(value, "http"), "all") === "function" && typeof member(member(value, "HttpResponse"), "error") === "function";
}

export function mswHandlers(handle: (request: Request) => Promise<Handled>, baseUrl: string): HttpHandler[] {
  const msw = requireOptional("msw", "fake.handlers", "msw@2.15.0");
  if (!isMsw(msw)) throw new Error("fake.handlers needs msw 2: what was found does not export http.all and HttpResponse.error");
  const { http, HttpResponse } = msw;
  const base = baseUrl.replace(/\/+$/, "");
  // A dropped connection is MSW's network error: fetch rejects with a TypeError.
  const handler = http.all(`${base}/*`, async ({ request }) => {
    const answer = await handle(request);
    return answer === dropped ? HttpResponse.error() : answer;
  });
  return [handler];
}
