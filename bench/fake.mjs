// The fake with many preloaded users: how long preloading 10,000 takes, and listUsers for
// them beside the same request to a fake with one user — through fake.fetch and over HTTP
// (fake.listen), medians of 50 requests each, in one run.
import { createFakeVerigator } from "verigator/testing";

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const auth = { "x-service-auth": "u:p" };

function services(count) {
  const users = Array.from({ length: count }, (_, i) => ({
    id: `user-${i}`,
    id_in_service: `user${i}@app.example`,
    phone_number: `+372${String(i).padStart(7, "0")}`,
  }));
  return [{ id: "svc", fqdn: "app.example", name: "App", users }];
}

async function timeList(fake, url, rounds = 50) {
  const times = [];
  let users = 0;
  for (let round = 0; round < rounds + 5; round++) {
    const started = performance.now();
    const response = await (url
      ? fetch(`${url}/v1/service/service/svc/users`, { headers: auth })
      : fake.fetch("https://api.verigator.com/v1/service/service/svc/users", { headers: auth }));
    users = (await response.json()).users.length;
    if (round >= 5) times.push(performance.now() - started); // the first 5 warm up
  }
  return { medianMs: median(times), users };
}

export async function fakeListTime() {
  const rows = [];
  for (const count of [1, 10_000]) {
    const started = performance.now();
    const fake = createFakeVerigator({ username: "u", password: "p", services: services(count) });
    const preloadMs = performance.now() - started;
    const direct = await timeList(fake);
    const server = await fake.listen({ port: 0 });
    const http = await timeList(fake, server.url);
    await server.close();
    rows.push({ users: count, preloadMs, fetchMs: direct.medianMs, httpMs: http.medianMs, listed: direct.users });
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) console.table(await fakeListTime());
