import { createVerigator } from "verigator";

const verigator = createVerigator({ username: "messente-api-username", password: "messente-api-password" });

const { verified, status } = await verigator.auth.verify("my-service-id", "81213bfd-b690-499e-b9d2-8754cb1550e8", { token: "123456" });
console.log(verified ? "logged in" : `refused: ${status?.result}`);
