// The ports `npm start` serves on (MOCK_PORT, DOCS_PORT, FAKE_PORT change them), and the servers
// the rendered docs show: those `npm start` prints, at the same ports, and no other.

/** @param {NodeJS.ProcessEnv} [env] */
export function startPorts(env = process.env) {
  return { mock: Number(env.MOCK_PORT ?? 4010), docs: Number(env.DOCS_PORT ?? 4011), fake: Number(env.FAKE_PORT ?? 4012) };
}

/** The mock and the fake as the docs list them (the docs page itself is not a server of the API). @param {NodeJS.ProcessEnv} [env] */
export function startServers(env = process.env) {
  const { mock, fake } = startPorts(env);
  return [
    { url: `http://127.0.0.1:${mock}`, description: "Prism mock, as npm start serves it (fixed answers)" },
    { url: `http://127.0.0.1:${fake}`, description: "Stateful fake, as npm start serves it (verigator fake)" },
  ];
}
