import { createVerigator, ResourceAlreadyExistsError } from "verigator";

const verigator = createVerigator({ username: "messente-api-username", password: "messente-api-password" });

try {
  const user = await verigator.users.create("my-service-id", {
    id_in_service: "john.doe@verigator.com",
    phone_number: "+4401234567",
  });
  console.log(user.id); // store it beside your user: it is the UserId for authentication
} catch (error) {
  if (!(error instanceof ResourceAlreadyExistsError)) throw error;
  console.log("already added");
}
