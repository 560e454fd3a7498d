// What the fake's state throws for a user it cannot act on, with the data: the control
// endpoints answer 404 or 409 by the class, never by reading a message.

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
