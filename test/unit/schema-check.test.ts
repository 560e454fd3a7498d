// The runtime schema checker on the generated operation table's own schemas.
import { describe, expect, it } from "vitest";
import { operationTable } from "../../generated/operation-table.js";
import { findProblem } from "../../src/schema-check.js";

const userCreate = operationTable.createUser.request;
const user = operationTable.createUser.response;
const started = operationTable.startAuthentication.response;
const users = operationTable.listUsers.response;

describe("findProblem", () => {
  it("accepts what the document describes", () => {
    expect(findProblem(userCreate, { id_in_service: "a", phone_number: "+4401234567" })).toBeUndefined();
    expect(findProblem(started, { method: "sms", auth_id: null })).toBeUndefined();
    expect(findProblem(started, { method: "totp", auth_id: "x" })).toBeUndefined();
  });

  it.each([
    ["a missing required field", userCreate, { id_in_service: "a" }, ["phone_number", "is required"]],
    ["a required field set to undefined", userCreate, { id_in_service: "a", phone_number: undefined }, ["phone_number", "is required"]],
    ["the wrong type", userCreate, { id_in_service: 1, phone_number: "+1" }, ["id_in_service", "must be a string, not integer"]],
    ["an empty string where minLength is 1", userCreate, { id_in_service: "", phone_number: "+1" }, ["id_in_service", "must not be empty"]],
    ["a pattern mismatch", userCreate, { id_in_service: "a", phone_number: "0800" }, ["phone_number", "must match ^\\+[0-9]+$"]],
    ["an unknown field where none are allowed", userCreate, { id_in_service: "a", phone_number: "+1", admin: true }, ["admin", "is not a known field"]],
    ["not an object", userCreate, null, ["body", "must be an object, not null"]],
    ["an array for an object", userCreate, [], ["body", "must be an object, not array"]],
    ["an enum miss", started, { method: "email" }, ["method", "must be one of sms, totp"]],
    ["a type list miss", started, { method: "sms", auth_id: 1 }, ["auth_id", "must be a string or a null, not integer"]],
    [
      "an item deep in an array",
      users,
      {
        users: [
          { id: "a", ctime: "t", id_in_service: "x" },
          { id: 1, ctime: "t", id_in_service: "x" },
        ],
      },
      ["users[1].id", "must be a string, not integer"],
    ],
  ])("%s", (_, schema, value, problem) => {
    expect(findProblem(schema, value)).toEqual(problem);
  });

  it("own properties only: inherited and prototype names are neither fields nor required values", () => {
    const inherited = Object.create({ id: "a", ctime: "t", id_in_service: "x" });
    expect(findProblem(user, inherited)).toEqual(["id", "is required"]);
    expect(findProblem(user, { id: "a", ctime: "t", id_in_service: "x", constructor: 1, __proto__: null })).toBeUndefined();
    expect(findProblem(userCreate, JSON.parse('{"id_in_service":"a","phone_number":"+1","__proto__":{}}'))).toEqual(["__proto__", "is not a known field"]);
  });

  it("extra fields in answers are allowed (the API may add some)", () => {
    expect(findProblem(user, { id: "a", ctime: "t", id_in_service: "x", extra: { nested: true } })).toBeUndefined();
  });
});
