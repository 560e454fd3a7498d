// The same call with axios, for bench/RESULTS.md's bundle table.
import axios from "axios";

void axios
  .post("https://api.verigator.com/v1/service/service/s/users", {}, { headers: { "X-Service-Auth": "u:p" } })
  .then((response) => console.log(response.data));
