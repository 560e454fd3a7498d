// The same call with openapi-fetch alone, for bench/RESULTS.md's bundle table.
import createClient from "openapi-fetch";

const client = createClient({ baseUrl: "https://api.verigator.com", headers: { "X-Service-Auth": "u:p" } });
void client.POST("/v1/service/service/{ServiceId}/users", { params: { path: { ServiceId: "s" } }, body: {} }).then(console.log);
