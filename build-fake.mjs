import { createFakeVerigator } from "verigator/testing";
const fake = createFakeVerigator({ username: "user", password: "pass", nextPin: () => "123456" });
const s = await fake.listen({ port: 4999 });
console.log(s.url);
