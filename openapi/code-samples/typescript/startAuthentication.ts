import { createVerigator } from "verigator";

const verigator = createVerigator({ username: "messente-api-username", password: "messente-api-password" });

const { method } = await verigator.auth.start("my-service-id", "81213bfd-b690-499e-b9d2-8754cb1550e8", { method: "totp" });
console.log(method === "sms" ? "We sent you a PIN by SMS" : "Enter the code from your authenticator app");
