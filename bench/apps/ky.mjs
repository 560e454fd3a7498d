// The same call with ky, for bench/RESULTS.md's bundle table.
import ky from "ky";

void ky
  .post("https://api.verigator.com/v1/service/service/s/users", { json: {}, headers: { "X-Service-Auth": "u:p" } })
  .json()
  .then(console.log);
