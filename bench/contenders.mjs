// The ways a user could add a user, each given the same `fetch`: bare fetch with a
// hand-built request, openapi-fetch's POST with the generated types, this client, ky, axios.
import axios from "axios";
import ky from "ky";
import createClient from "openapi-fetch";
import { createVerigator } from "../dist/index.js";
import { exampleBodies, exampleIds, operationCalls } from "../scripts/lib/operation-calls.mjs";

export const { serviceId } = exampleIds;
export const newUser = exampleBodies.createUser;
export const createdUser = { id: "81213bfd-b690-499e-b9d2-8754cb1550e8", ctime: "2017-07-06T13:12:03.141Z", id_in_service: "john.doe@verigator.com" };
const auth = "bench-user:bench-pass";
const path = `/v1/service/service/${serviceId}/users`;

/** Each contender: name → (baseUrl, fetch) → () => Promise<created user>. */
export const contenders = {
  "bare fetch": (baseUrl, fetchImpl) => async () => {
    const response = await fetchImpl(baseUrl + path, {
      method: "POST",
      headers: { "X-Service-Auth": auth, "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(newUser),
    });
    if (response.status !== 201) throw new Error(`status ${response.status}`);
    return response.json();
  },
  // The floor any client with a timeout pays: bare fetch given an AbortSignal and a timer.
  "bare fetch + signal and timer": (baseUrl, fetchImpl) => async () => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 30_000);
    try {
      const response = await fetchImpl(baseUrl + path, {
        method: "POST",
        headers: { "X-Service-Auth": auth, "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(newUser),
        signal: controller.signal,
      });
      if (response.status !== 201) throw new Error(`status ${response.status}`);
      return await response.json();
    } finally {
      clearTimeout(timer);
    }
  },
  "openapi-fetch": (baseUrl, fetchImpl) => {
    const client = createClient({ baseUrl, fetch: fetchImpl, headers: { "X-Service-Auth": auth, Accept: "application/json" } });
    return async () => {
      const { data, error } = await client.POST("/v1/service/service/{ServiceId}/users", { params: { path: { ServiceId: serviceId } }, body: newUser });
      if (error) throw new Error("error");
      return data;
    };
  },
  verigator: (baseUrl, fetchImpl) => {
    const client = createVerigator({ username: "bench-user", password: "bench-pass", baseUrl, fetch: fetchImpl });
    return () => operationCalls.createUser(client, { ...exampleIds, body: newUser });
  },
  ky: (baseUrl, fetchImpl) => {
    const client = ky.create({ prefixUrl: baseUrl, fetch: fetchImpl, retry: 0, headers: { "X-Service-Auth": auth, Accept: "application/json" } });
    return () => client.post(path.slice(1), { json: newUser }).json();
  },
  axios: (baseUrl, fetchImpl) => {
    // With a stubbed fetch, axios gets an adapter that does no I/O (it builds no Request and
    // reads no Response, so it does less than the others); over loopback, its own http adapter.
    const client = axios.create({
      baseURL: baseUrl,
      headers: { "X-Service-Auth": auth, Accept: "application/json" },
      ...(fetchImpl === globalThis.fetch
        ? {}
        : {
            adapter: async (config) => ({
              data: JSON.stringify(createdUser),
              status: 201,
              statusText: "Created",
              headers: { "content-type": "application/json" },
              config,
              request: {},
            }),
          }),
    });
    return async () => (await client.post(path, newUser)).data;
  },
};
