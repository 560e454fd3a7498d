import { createVerigator } from "verigator";

const verigator = createVerigator({ username: "messente-api-username", password: "messente-api-password" });

const user = await verigator.users.get("my-service-id", "81213bfd-b690-499e-b9d2-8754cb1550e8");
console.log(user.id_in_service);
