// Type-checked against the packed .d.ts, with moduleResolution nodenext and bundler.
import { createVerigator, ResourceAlreadyExistsError } from "verigator";
import type { User, VerigatorError } from "verigator";

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

// verigator/raw resolves too, typed by the document's paths.
import { createRawClient } from "verigator/raw";

export async function rawService(serviceId: string): Promise<string | undefined> {
  const raw = createRawClient({ username: "u", password: "p" });
  const { data } = await raw.GET("/v1/service/service/{ServiceId}", { params: { path: { ServiceId: serviceId } } });
  // @ts-expect-error: the path must be one of the document's
  await raw.GET("/v1/nowhere");
  return data?.id;
}
