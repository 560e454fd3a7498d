// The unit project's guard: a test that lets a request reach the real fetch fails instead of
// leaving this machine. Unit tests inject fetch; only loopback is ever allowed. Installed once
// per worker (files share workers: the project does not isolate them).
const installed = Symbol.for("verigator.test.loopbackOnly");
const loopback = new Set(["127.0.0.1", "[::1]", "localhost"]);

if (!(installed in globalThis.fetch)) {
  const realFetch = globalThis.fetch;
  const guarded = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : input);
    if (!loopback.has(url.hostname)) return Promise.reject(new Error(`a unit test reached past loopback: ${url.origin}`));
    return realFetch(input, init);
  };
  globalThis.fetch = Object.assign(guarded, { [installed]: true });
}
