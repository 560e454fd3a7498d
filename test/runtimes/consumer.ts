// Type-checked against the packed .d.ts, with moduleResolution nodenext and bundler.

import type { User, VerigatorError } from "verigator";
import { createVerigator, ResourceAlreadyExistsError } from "verigator";

const verigator = createVerigator({ username: "u", password: "p" });
export async function addUser(serviceId: string): Promise<User | VerigatorError> {
  try {
    const user: User = await verigator.users.create(serviceId, { id_in_service: "john_doe", phone_number: "+4401234567" });
    const id: string = user.id;
    void id;
    // @ts-expect-error: phone_number is required — the packed types are real, not `any`
    await verigator.users.create(serviceId, { id_in_service: "john_doe" });
    return user;
  } catch (error) {
    if (error instanceof ResourceAlreadyExistsError) return error;
    throw error;
  }
}
