// Requests the client would refuse, sent around it (raw or plain fetch), get the documented
// 422 / 401 from the mock: the document itself rejects them.
import { describe, expect, inject, it } from "vitest";
import { createRawClient } from "../src/raw.js";
import { credentials } from "./support/client.js";

const usersPath = "/v1/service/service/my-service-id/users";
const valid = { id_in_service: "john_doe", phone_number: "+4401234567" };

function post(body: string | undefined, headers: Record<string, string> = {}) {
  return fetch(inject("mockUrl") + usersPath, {
    method: "POST",
    headers: { "X-Service-Auth": "user:pass", "Content-Type": "application/json", Accept: "application/json", ...headers },
    body,
  });
}

describe("the mock enforces the document", () => {
  it.each([
    ["a missing phone_number", { id_in_service: "john_doe" }],
    ["a missing id_in_service", { phone_number: "+4401234567" }],
    ["a number for id_in_service", { ...valid, id_in_service: 42 }],
    ["an extra field", { ...valid, admin: true }],
    ["a phone number without +", { ...valid, phone_number: "4401234567" }],
    ["a phone number with letters", { ...valid, phone_number: "+44abc" }],
    ["an empty id_in_service", { ...valid, id_in_service: "" }],
  ])("%s gets 422 with a message", async (_, body) => {
    const response = await post(JSON.stringify(body));
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({ message: "Invalid data" });
  });

  // Prism alone would answer its own 400 invalid_json; the mock's front maps it to the
  // document's (and Messente's page's) 422 with the documented Error body.
  it("a body that is not JSON is refused with the documented 422", async () => {
    const response = await post("{id_in_service: john_doe");
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({ message: "Invalid data" });
  });

  it("a body sent as text/plain gets 422", async () => {
    const response = await post(JSON.stringify(valid), { "Content-Type": "text/plain" });
    expect(response.status).toBe(422);
  });

  it("no body gets 422", async () => {
    expect((await post(undefined)).status).toBe(422);
  });

  it("no X-Service-Auth gets 401, even with a valid body", async () => {
    const response = await fetch(inject("mockUrl") + usersPath, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(valid),
    });
    expect(response.status).toBe(401);
  });

  it("a valid body gets 201", async () => {
    expect((await post(JSON.stringify(valid))).status).toBe(201);
  });

  it("raw returns the typed { error, response } for a 422", async () => {
    const { data, error, response } = await createRawClient({ ...credentials, baseUrl: inject("mockUrl"), maxRetries: 0 }).POST(
      "/v1/service/service/{ServiceId}/users",
      {
        params: { path: { ServiceId: "my-service-id" } },
        // @ts-expect-error: phone_number is required by the document
        body: { id_in_service: "john_doe" },
      },
    );
    expect(response.status).toBe(422);
    expect(data).toBeUndefined();
    expect(error).toEqual({ message: "Invalid data" });
  });

  it("raw without credentials gets 401", async () => {
    const { response } = await createRawClient({ baseUrl: inject("mockUrl") }).POST("/v1/service/service/{ServiceId}/users", {
      params: { path: { ServiceId: "my-service-id" } },
      body: valid,
    });
    expect(response.status).toBe(401);
  });
});
