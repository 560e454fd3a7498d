// The curl command that reproduces a Try it request: the credential as `$VERIGATOR_AUTH`, read
// from the shell's environment, never the password; the sandbox's requests aimed at the fake
// `npm start` serves, or wherever `$VERIGATOR_URL` says.

import { shellQuote as quote } from "../shell-quote.ts";

/**
 * @param base the Base URL the request went to, or undefined for the sandbox
 * @param fakeUrl where the sandbox's requests can be sent from a shell: npm start's fake
 */
export function curlCommand(method: string, path: string, body: string | undefined, header: string, base: string | undefined, fakeUrl: string): string {
  const url = base ? quote(base + path) : `"\${VERIGATOR_URL:-${fakeUrl}}"${quote(path)}`;
  const parts = ["curl", "-sS", "-i", "-X", method, url, "-H", `"${header}: $VERIGATOR_AUTH"`, "-H", quote("Accept: application/json")];
  if (body !== undefined) parts.push("-H", quote("Content-Type: application/json"), "--data-raw", quote(body));
  return parts.join(" ");
}
