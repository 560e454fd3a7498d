import { createVerigator } from "verigator";

const verigator = createVerigator({ username: "messente-api-username", password: "messente-api-password" });

const users = await verigator.users.list("my-service-id");
console.log(users.map((user) => user.id_in_service));
