// What the fake throws, with the data: a Refusal (a status to answer, and why) from its rules and
// its control endpoints alike; and what its state throws for a user it cannot act on, which the
// control endpoints answer 404 or 409 by the class, never by reading a message.

/** A request the fake refuses: the status to answer (one the document declares), and why in words. */
export class Refusal extends Error {
  override name = "Refusal";
  constructor(
    readonly status: number,
    /** Why, in words; the API's answers add it to the document's message for the status. */
    readonly detail?: string,
  ) {
    super(detail ?? `refused with ${status}`);
  }
}

/** The fake holds no such user in that service. */
export class NoSuchUserError extends Error {
  override name = "NoSuchUserError";
  constructor(
    readonly serviceId: string,
    readonly userId: string,
  ) {
    super(`the fake has no user ${userId} in service ${serviceId}`);
  }
}

/** The user has no authenticator app (see addAuthenticator). */
export class NoAuthenticatorError extends Error {
  override name = "NoAuthenticatorError";
  constructor(
    readonly serviceId: string,
    readonly userId: string,
  ) {
    super(`user ${userId} has no authenticator: call fake.addAuthenticator first`);
  }
}
