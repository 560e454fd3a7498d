import { createVerigator } from "verigator";

const verigator = createVerigator({ username: "messente-api-username", password: "messente-api-password" });

await verigator.users.delete("my-service-id", "81213bfd-b690-499e-b9d2-8754cb1550e8");
console.log("deleted");
