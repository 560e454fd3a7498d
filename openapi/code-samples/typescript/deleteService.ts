import { createVerigator } from "verigator";

const verigator = createVerigator({ username: "messente-api-username", password: "messente-api-password" });

// Delete the service's users first.
await verigator.services.delete("my-service-id");
console.log("deleted");
