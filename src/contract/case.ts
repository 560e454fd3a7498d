// What a case is: a name that is the same from run to run, the family it belongs to, the checks
// it exists for (a case whose checks are all left out is skipped, saying so), and what it sends.
// A case judges nothing itself: every exchange it sends is judged by the checks (checks.ts).
import type { CheckName } from "./checks.ts";
import type { Family } from "./results.ts";
import type { Run } from "./run.ts";

export interface Case {
  /** The operationId it is about (or "sequences"). */
  operation: string;
  family: Family;
  name: string;
  /** The checks this case exists for: it is skipped when none of them is selected. */
  about: readonly CheckName[];
  /** Sends the case's requests. Throws Broke when an exchange broke a check, Skip when it cannot run. */
  run(run: Run): Promise<void>;
}
