// The unit project's guard: a test that lets a request reach the real fetch fails instead of
// leaving this machine. Unit tests inject fetch; only loopback is ever allowed.
const realFetch = globalThis.fetch;
const loopback = new Set(["127.0.0.1", "[::1]", "localhost"]);

globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
  const url = new URL(input instanceof Request ? input.url : input);
  if (!loopback.has(url.hostname)) return Promise.reject(new Error(`a unit test reached past loopback: ${url.origin}`));
  return realFetch(input, init);
};
