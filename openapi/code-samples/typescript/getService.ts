import { createVerigator } from "verigator";

const verigator = createVerigator({ username: "messente-api-username", password: "messente-api-password" });

const service = await verigator.services.get("my-service-id");
console.log(service.name, service.ctime);
