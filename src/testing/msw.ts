// `fake.handlers`: MSW request handlers over the fake's state, for apps whose client cannot be
// given `fake.fetch`. msw is an optional peer dependency, loaded with require when first asked
// for: a static import would make `verigator/testing` fail to load without it. MSW matches
// handlers by their `kind`, so handlers from msw's CommonJS build serve msw/node's ESM
// setupServer as well.
import type { Handled } from "./fake.ts";
import { dropped } from "./fake.ts";
import { requireOptional } from "./node.ts";

interface Msw {
  http: { all(path: string, resolver: (info: { request: Request }) => Promise<Response>): unknown };
  HttpResponse: { error(): Response };
}

export function mswHandlers<Handler>(handle: (request: Request) => Promise<Handled>, baseUrl: string): Handler[] {
  const { http, HttpResponse } = requireOptional("msw", "fake.handlers", "msw@2.15.0") as Msw;
  const base = baseUrl.replace(/\/+$/, "");
  // A dropped connection is MSW's network error: fetch rejects with a TypeError.
  const handler = http.all(`${base}/*`, async ({ request }) => {
    const answer = await handle(request);
    return answer === dropped ? HttpResponse.error() : answer;
  });
  return [handler as Handler];
}
