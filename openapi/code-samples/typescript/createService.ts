import { createVerigator } from "verigator";

const verigator = createVerigator({ username: "messente-api-username", password: "messente-api-password" });

// Once, when setting up: store service.id, every other call needs it.
const service = await verigator.services.create({ fqdn: "example.com", name: "My service" });
console.log(service.id);
