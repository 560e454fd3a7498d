// Every rule the suite holds a server to, in one registry: a typed name (as Schemathesis
// names its checks), what it checks and which answers it applies to. Cases and the sender
// cite a check by its name, typed, so a misspelt one does not compile; `--checks` and
// `--exclude-checks` select from these; the README's table is checked against this one.

/** What a check is: what it holds the server to, and where. */
export interface CheckInfo {
  /** What the check holds the server to. */
  checks: string;
  /** Which answers it applies to. */
  appliesTo: string;
}

/** Every check of the suite, by name: what it checks and which answers it applies to. */
export const checks = {
  not_a_server_error: { checks: "no answer is a 5xx", appliesTo: "every answer" },
  status_code_conformance: { checks: "the status is one the document declares for the operation", appliesTo: "every answer" },
  content_type_conformance: { checks: "a JSON body is labelled application/json (or +json)", appliesTo: "every answer with a declared body" },
  response_schema_conformance: { checks: "the body matches the declared schema (Prism's validator)", appliesTo: "every answer with a declared body" },
  response_headers_conformance: { checks: "the headers match the declared ones", appliesTo: "every answer" },
  response_conformance: { checks: "anything else Prism's validator finds in the answer", appliesTo: "every answer" },
  response_time: { checks: "the answer comes within --request-timeout", appliesTo: "every request" },
  response_size: { checks: "the body is at most 1 MiB (after decoding)", appliesTo: "every answer" },
  no_answer: { checks: "the server answers at all (no reset, no refused connection)", appliesTo: "every request" },
  write_only_hidden: { checks: "no answer carries a field the document marks writeOnly", appliesTo: "every 2xx answer" },
  positive_data_acceptance: { checks: "a valid request succeeds (2xx)", appliesTo: "positive cases, and every create a case needs" },
  negative_data_rejection: { checks: "an invalid body is refused with the declared 400/422", appliesTo: "bad-input cases" },
  ignored_auth: { checks: "no or wrong credentials are refused with 401", appliesTo: "auth cases" },
  unknown_id: { checks: "an id that does not exist answers 404", appliesTo: "unknown-id cases" },
  ensure_resource_availability: { checks: "what a create made can be read back and is listed", appliesTo: "state cases" },
  duplicate_rejection: { checks: "the same create twice under one parent answers 409", appliesTo: "state cases" },
  use_after_free: { checks: "after a delete, every read of it and a second delete answer 404", appliesTo: "state cases" },
  delete_with_children: { checks: "deleting a parent that has children is refused (409) or deletes them all", appliesTo: "state cases" },
  stored_values: {
    checks: "every field sent that the answer has comes back exactly as sent; id and ctime never change between reads",
    appliesTo: "model cases and sequences: every create, read and list answer",
  },
  exact_list: { checks: "a list holds exactly the children the model holds under that parent", appliesTo: "model cases and sequences: every list" },
  parent_scope: {
    checks: "a child is reachable only under its own parent: under another one every operation answers 404 and changes nothing",
    appliesTo: "model cases and sequences",
  },
  unique_per_parent: { checks: "what is a duplicate under one parent is accepted under another", appliesTo: "model cases" },
  delete_isolation: { checks: "a delete removes its target only: siblings and other parents are unchanged", appliesTo: "model cases and sequences" },
  two_factor_method: { checks: "a start answers the method asked, or sms for an app (the document's fallback)", appliesTo: "every start answer" },
  two_factor_pin: { checks: "a made-up PIN is not verified; the PIN sent verifies once, then is spent", appliesTo: "two-factor cases" },
  pin_isolation: {
    checks: "a PIN verifies only its own user; a start leaves another user's PIN as it was; a user sent nothing is not verified",
    appliesTo: "two-factor cases",
  },
  pin_throttling: {
    checks: "after the document's x-wrong-pin-limit wrong PINs the right one is refused and status.throttled says so",
    appliesTo: "two-factor cases",
  },
  pin_command: { checks: "--pin-command prints the PIN sent, in time", appliesTo: "two-factor cases that read the PIN" },
} as const satisfies Record<string, CheckInfo>;

/** The name of a check, e.g. "exact_list". */
export type CheckName = keyof typeof checks;

/**
 * Each check's name, to cite: `check.exact_list`. Spelt out, so the compiler holds every entry
 * to its key and to the registry above, with no cast.
 */
export const check: { readonly [Name in CheckName]: Name } = {
  not_a_server_error: "not_a_server_error",
  status_code_conformance: "status_code_conformance",
  content_type_conformance: "content_type_conformance",
  response_schema_conformance: "response_schema_conformance",
  response_headers_conformance: "response_headers_conformance",
  response_conformance: "response_conformance",
  response_time: "response_time",
  response_size: "response_size",
  no_answer: "no_answer",
  write_only_hidden: "write_only_hidden",
  positive_data_acceptance: "positive_data_acceptance",
  negative_data_rejection: "negative_data_rejection",
  ignored_auth: "ignored_auth",
  unknown_id: "unknown_id",
  ensure_resource_availability: "ensure_resource_availability",
  duplicate_rejection: "duplicate_rejection",
  use_after_free: "use_after_free",
  delete_with_children: "delete_with_children",
  stored_values: "stored_values",
  exact_list: "exact_list",
  parent_scope: "parent_scope",
  unique_per_parent: "unique_per_parent",
  delete_isolation: "delete_isolation",
  two_factor_method: "two_factor_method",
  two_factor_pin: "two_factor_pin",
  pin_isolation: "pin_isolation",
  pin_throttling: "pin_throttling",
  pin_command: "pin_command",
};

export const checkNames: readonly CheckName[] = Object.values(check);

export function isCheckName(name: string): name is CheckName {
  return Object.hasOwn(checks, name);
}

/** Which checks a run applies: all, `only` these, less `except` these. Throws RangeError naming an unknown one. */
export function selectChecks(only: readonly string[] | undefined, except: readonly string[] = []): ReadonlySet<CheckName> {
  for (const name of [...(only ?? []), ...except]) {
    if (!isCheckName(name)) throw new RangeError(`no check named ${name}; the checks are ${checkNames.join(", ")}`);
  }
  const base = only?.length ? only.filter(isCheckName) : checkNames;
  return new Set(base.filter((name) => !except.includes(name)));
}
