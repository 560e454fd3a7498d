// Type-checked against the packed .d.ts: verigator/raw resolves too, typed by the document's paths.
import { createRawClient } from "verigator/raw";

export async function rawService(serviceId: string): Promise<string | undefined> {
  const raw = createRawClient({ username: "u", password: "p" });
  const { data } = await raw.GET("/v1/service/service/{ServiceId}", { params: { path: { ServiceId: serviceId } } });
  // @ts-expect-error: the path must be one of the document's
  await raw.GET("/v1/nowhere");
  return data?.id;
}
