// generated from openapi/verigator.yaml by scripts/generate.mjs, do not edit
export interface paths {
    "/v1/service/service": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a service
         * @description Registers your application as a Verigator service. Store the returned `id`:
         *     it is the ServiceId in every other request. Next: add users to the service.
         */
        post: operations["createService"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/service/service/{ServiceId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Your ServiceID, returned when the service was created.
                 * @example 9a2d2fe5-d3e9-4c9a-a8b4-6c2f3f0b2e7d
                 */
                ServiceId: components["parameters"]["ServiceId"];
            };
            cookie?: never;
        };
        /**
         * Get a service
         * @description Returns the service with this ServiceId. Messente's examples fetch the service
         *     first and then add users to it.
         */
        get: operations["getService"];
        put?: never;
        post?: never;
        /**
         * Delete a service
         * @description Deletes the service. A service can be deleted only after its users have been
         *     deleted.
         *
         *     **A service that still has users.** Messente's documentation says a service "can be
         *     deleted only after its users are removed"; it names no status for the refusal, and
         *     neither official SDK has a branch for it. Decision: a delete of a service that still
         *     has users is refused with `409` (Conflict: the request conflicts with the service's
         *     state) and changes nothing — the service and its users stay readable. Delete the
         *     users first (`DELETE …/users/{UserId}`), then the service. The mock answers the
         *     declared `409` on `Prefer: code=409`; the fake in `verigator/testing` enforces the
         *     rule. `verigator contract` checks that such a delete is all or nothing: refused with
         *     the service and its users still readable, or — for a server that deletes the users
         *     with the service — everything gone; never the service gone and its users reachable.
         *
         *     **The answer's body.** Messente's page shows a `202` and no body. The official
         *     Python SDK (`messente/verigator/client.py`) parses every answer as JSON before it
         *     looks at the status, and its own tests mock this answer with a JSON body, so an
         *     empty `202` would make every successful delete raise `InvalidResponseError` there:
         *     the SDK can only work against the real API if the API sends JSON. The Java SDK
         *     ignores the body. Decision: the answer is declared as a JSON object with no
         *     required fields (the mock sends `{}`, which both SDKs accept), and clients must
         *     accept an empty body as well — the TypeScript client does.
         */
        delete: operations["deleteService"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/service/service/{ServiceId}/users": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Your ServiceID, returned when the service was created.
                 * @example 9a2d2fe5-d3e9-4c9a-a8b4-6c2f3f0b2e7d
                 */
                ServiceId: components["parameters"]["ServiceId"];
            };
            cookie?: never;
        };
        /**
         * List the users of a service
         * @description Returns every user added to the service.
         */
        get: operations["listUsers"];
        put?: never;
        /**
         * Add a user to a service
         * @description After setting up your Service you can start adding Users to your Verigator
         *     Service.
         *
         *     | HTTP header | Description | Required |
         *     |---|---|---|
         *     | `Content-Type` | `application/json` | Yes |
         *     | `Accept` | `application/json` | Yes |
         *     | `X-Service-Auth` | `<username>:<password>`, see Credentials | Yes |
         *
         *     Store the returned `id` in your database for this user: it is the UserId used
         *     for user authentication. Next: start authentication when the user logs in.
         */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/service/service/{ServiceId}/users/{UserId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Your ServiceID, returned when the service was created.
                 * @example 9a2d2fe5-d3e9-4c9a-a8b4-6c2f3f0b2e7d
                 */
                ServiceId: components["parameters"]["ServiceId"];
                /**
                 * @description The UserID returned when the user was added to the service.
                 * @example 81213bfd-b690-499e-b9d2-8754cb1550e8
                 */
                UserId: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        /**
         * Get a user
         * @description Returns one user of the service by its UserId.
         */
        get: operations["getUser"];
        put?: never;
        post?: never;
        /**
         * Delete a user
         * @description Removes the user from the service.
         *
         *     **The answer's body**, decided as for deleting a service: Messente's page shows
         *     none, the Python SDK needs JSON (it parses before checking the status), so the
         *     document declares a JSON object with no required fields, the mock sends `{}`, and
         *     clients must accept an empty body too.
         */
        delete: operations["deleteUser"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/service/service/{ServiceId}/users/{UserId}/auth": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Your ServiceID, returned when the service was created.
                 * @example 9a2d2fe5-d3e9-4c9a-a8b4-6c2f3f0b2e7d
                 */
                ServiceId: components["parameters"]["ServiceId"];
                /**
                 * @description The UserID returned when the user was added to the service.
                 * @example 81213bfd-b690-499e-b9d2-8754cb1550e8
                 */
                UserId: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Verify the PIN
         * @description Checks the PIN the user typed. `verified: true` means the user passed the second
         *     factor. A rejected PIN is an answer, not an error: `verified` is `false` and
         *     `status` says whether the PIN was invalid, expired or throttled.
         *
         *     **Wrong PINs are limited** (`x-wrong-pin-limit`): after 5 wrong PINs for one started
         *     authentication, every further verification of it — the right PIN included — answers
         *     `verified: false` with `status.throttled: true`, until authentication is started
         *     again. Messente's pages and both SDKs are silent on the number; they show only that a
         *     limit exists (`status.throttled`, "too many attempts"). 5 is our decision: a six-digit
         *     PIN then falls to guessing with odds of 5 in 1,000,000 per SMS sent, within NIST SP
         *     800-63B's bound for throttling, and it is what the fake in `verigator/testing` does.
         *     `verigator contract --max-wrong-pins N` checks a server with another limit.
         */
        put: operations["verifyPin"];
        /**
         * Start authentication
         * @description Sends the user a PIN by SMS (`sms`), or expects a code from the user's
         *     authenticator app (`totp`). When the user has no app device, `totp` falls back
         *     to `sms`: the answer names the method actually used, so tell the user where to
         *     look. Next: verify the PIN the user types.
         */
        post: operations["startAuthentication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description An RFC 3339 timestamp, e.g. `2017-07-06T13:12:03.141Z`. Some answers omit the
         *     zone (`2017-09-15T06:44:15.274438`), so treat it as a string.
         * @example 2017-07-06T13:12:03.141Z
         */
        Timestamp: string;
        /** @description What creating a service takes: your application's domain name and the name your users see. */
        ServiceCreate: {
            /**
             * @description The domain name of your service.
             * @example example.com
             */
            fqdn: string;
            /**
             * @description The name of your service, shown to your users.
             * @example My service
             */
            name: string;
        };
        /** @description A service: your application as Verigator knows it. Its `id` is the ServiceId of every other request. */
        Service: {
            /**
             * Format: uuid
             * @description The ServiceID. Store it — every other request names it.
             * @example 9a2d2fe5-d3e9-4c9a-a8b4-6c2f3f0b2e7d
             */
            id: string;
            /**
             * @description The name of the service.
             * @example My service
             */
            name: string;
            /** @description Timestamp when the service was created in Verigator. */
            ctime: components["schemas"]["Timestamp"];
        };
        /** @description What adding a user takes: the name the user logs in with in your service, and the phone number PINs go to. */
        UserCreate: {
            /**
             * @description Username in your service that is used for logging in - usually users email address.
             * @example john.doe@verigator.com
             * @example john_doe
             */
            id_in_service: string;
            /**
             * @description Users phone number with country prefix; sent, never returned (`writeOnly`: no
             *     answer carries it, Messente's User has no such field). Messente's page says "with country
             *     prefix" and shows `+4401234567`; its Java example uses `+3725555555`. Both are a
             *     `+` and digits, and that is all this document requires: no length or leading-zero
             *     rule (the page's own example has a trunk `0`), so no client refuses a number the
             *     API might take.
             * @example +4401234567
             */
            phone_number: string;
        };
        /** @description A user of a service. Its `id` is the UserId used to authenticate the user; store it beside your own record. The phone number is never returned. */
        User: {
            /**
             * Format: uuid
             * @description Newly created UserID. You will need to store this in your database for this
             *     user - this UserID will be used for user authentication.
             * @example 81213bfd-b690-499e-b9d2-8754cb1550e8
             */
            id: string;
            /** @description Timestamp when the user was added to the service in Verigator. */
            ctime: components["schemas"]["Timestamp"];
            /**
             * @description Username in your service that is used for logging in - same as provided in the Request Body.
             * @example john.doe@verigator.com
             */
            id_in_service: string;
        };
        /** @description The users of a service. */
        UserList: {
            /** @description The users of the service. */
            users: components["schemas"]["User"][];
            /**
             * @description Seen in the wild (the Java SDK's `GetUsersResponse`), not on Messente's pages; the number of users. Optional.
             * @example 2
             */
            count?: number;
            /**
             * @description Seen in the wild (a Java SDK test fixture), not on Messente's pages; the number of users. Optional.
             * @example 2
             */
            total?: number;
        };
        /**
         * @description `sms` sends a PIN by SMS; `totp` expects a code from the authenticator app.
         * @example sms
         * @enum {string}
         */
        AuthMethod: "sms" | "totp";
        /** @description How to send the PIN: `sms`, or `totp` for the authenticator app (which falls back to `sms` when the user has none). */
        AuthStart: {
            method: components["schemas"]["AuthMethod"];
        };
        /** @description The method actually used, so you can tell the user where to look for the PIN. */
        AuthStartResult: {
            /** @description The method actually used; `totp` falls back to `sms` when the user has no app device. */
            method: components["schemas"]["AuthMethod"];
            /**
             * @description Seen in the wild (the Java SDK's `AuthenticationResponse` and its fixture, which sends `null`), not on Messente's pages. Optional.
             * @example null
             */
            auth_id?: string | null;
        };
        /**
         * @description Messente's PIN-verification page lists `method` and `token` in the body; neither
         *     official SDK sends `method`. Both forms are accepted.
         */
        AuthVerify: {
            /** @description The method the PIN came by, as started. Optional. */
            method?: components["schemas"]["AuthMethod"];
            /**
             * @description The PIN the user typed.
             * @example 123456
             */
            token: string;
        };
        /** @description Whether the PIN was accepted; when it was not, `status` says why. A wrong PIN is this answer, not an error. */
        AuthVerifyResult: {
            /**
             * @description Whether the PIN was accepted.
             * @example true
             */
            verified: boolean;
            /** @description The method the PIN was verified for. On Messente's PIN-verification page; optional. */
            method?: components["schemas"]["AuthMethod"];
            status?: components["schemas"]["AuthVerifyStatus"];
        };
        /** @description Why a PIN was not accepted. */
        AuthVerifyStatus: {
            /**
             * @description Too many attempts; wait before trying again.
             * @example false
             */
            throttled: boolean;
            /**
             * @description The PIN is too old; start authentication again.
             * @example false
             */
            expired: boolean;
            /**
             * @description The PIN does not match.
             * @example true
             */
            invalid: boolean;
            /**
             * @description The outcome in words.
             * @example INVALID
             */
            result: string;
        };
        /**
         * @description The answer to a delete: a JSON object, usually `{}`; may also be empty (no body at
         *     all), which clients must accept. Other properties may be present.
         */
        Accepted: Record<string, never>;
        /** @description An error answer. Other properties may be present. */
        Error: {
            /**
             * @description What went wrong.
             * @example User already exists
             */
            message: string;
            /**
             * @description Not from Verigator: the fake of `verigator/testing` (and `verigator fake`) adds it to a
             *     `404` or `405` for a request that matched no route — the routes the request nearly
             *     matched, closest first, each as `METHOD /template: what differs`, as WireMock's near
             *     misses do. Optional; Messente's pages and SDKs show no such field.
             * @example [
             *       "POST /v1/service/service/{ServiceId}/users: the path has user, not users"
             *     ]
             */
            nearMisses?: string[];
        };
    };
    responses: {
        /**
         * @description Internal server error — a fault on Verigator's side. Both official SDKs have a branch
         *     for it (Python `InternalError`, Java `VerigatorInternalError`); declared so that a mock
         *     can serve it and clients can test their handling.
         */
        InternalServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description Service unavailable — Verigator (or a proxy in front of it) cannot take the request
         *     now. Without `Retry-After` it does not say whether the request was acted on.
         */
        ServiceUnavailable: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description Too many requests — authentication was started too often for this user (an SMS
         *     gateway's limit). Not on Messente's pages; SMS gateways limit PINs sent per number,
         *     and a server that does is correct. `Retry-After` says when a start is taken again; a
         *     429 says the start was not acted on (no SMS sent), so the client may re-send it.
         */
        TooManyStarts: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Authentication required — missing authentication headers (`X-Service-Auth`). */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Forbidden — forbidden request. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Not found — no such service or user. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Invalid data — invalid request body; check the format and that it was correctly JSON encoded. */
        InvalidData: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: {
        /**
         * @description Your ServiceID, returned when the service was created.
         * @example 9a2d2fe5-d3e9-4c9a-a8b4-6c2f3f0b2e7d
         */
        ServiceId: string;
        /**
         * @description The UserID returned when the user was added to the service.
         * @example 81213bfd-b690-499e-b9d2-8754cb1550e8
         */
        UserId: string;
    };
    requestBodies: never;
    headers: {
        /**
         * @description How long to wait before sending the request again: decimal seconds or an HTTP date.
         *     A 503 with this header says the request was not acted on, so the TypeScript client
         *     may re-send even a POST or PUT after the wait. The example is short (1 s) on purpose:
         *     it is what the mock sends for `Prefer: code=503`, and a default client (2 retries)
         *     then rejects within about 2 s instead of waiting a minute.
         * @example 1
         */
        RetryAfter: string;
    };
    pathItems: never;
}
/** An RFC 3339 timestamp, e.g. `2017-07-06T13:12:03.141Z`. Some answers omit the zone (`2017-09-15T06:44:15.274438`), so treat it as a string. */
export type Timestamp = components['schemas']['Timestamp'];
/** What creating a service takes: your application's domain name and the name your users see. */
export type ServiceCreate = components['schemas']['ServiceCreate'];
/** A service: your application as Verigator knows it. Its `id` is the ServiceId of every other request. */
export type Service = components['schemas']['Service'];
/** What adding a user takes: the name the user logs in with in your service, and the phone number PINs go to. */
export type UserCreate = components['schemas']['UserCreate'];
/** A user of a service. Its `id` is the UserId used to authenticate the user; store it beside your own record. The phone number is never returned. */
export type User = components['schemas']['User'];
/** The users of a service. */
export type UserList = components['schemas']['UserList'];
/** `sms` sends a PIN by SMS; `totp` expects a code from the authenticator app. */
export type AuthMethod = components['schemas']['AuthMethod'];
/** How to send the PIN: `sms`, or `totp` for the authenticator app (which falls back to `sms` when the user has none). */
export type AuthStart = components['schemas']['AuthStart'];
/** The method actually used, so you can tell the user where to look for the PIN. */
export type AuthStartResult = components['schemas']['AuthStartResult'];
/** Messente's PIN-verification page lists `method` and `token` in the body; neither official SDK sends `method`. Both forms are accepted. */
export type AuthVerify = components['schemas']['AuthVerify'];
/** Whether the PIN was accepted; when it was not, `status` says why. A wrong PIN is this answer, not an error. */
export type AuthVerifyResult = components['schemas']['AuthVerifyResult'];
/** Why a PIN was not accepted. */
export type AuthVerifyStatus = components['schemas']['AuthVerifyStatus'];
/** The answer to a delete: a JSON object, usually `{}`; may also be empty (no body at all), which clients must accept. Other properties may be present. */
export type Accepted = components['schemas']['Accepted'];
/** An error answer. Other properties may be present. */
export type Error = components['schemas']['Error'];
export type ResponseInternalServerError = components['responses']['InternalServerError'];
export type ResponseServiceUnavailable = components['responses']['ServiceUnavailable'];
export type ResponseTooManyStarts = components['responses']['TooManyStarts'];
export type ResponseUnauthorized = components['responses']['Unauthorized'];
export type ResponseForbidden = components['responses']['Forbidden'];
export type ResponseNotFound = components['responses']['NotFound'];
export type ResponseInvalidData = components['responses']['InvalidData'];
export type ParameterServiceId = components['parameters']['ServiceId'];
export type ParameterUserId = components['parameters']['UserId'];
export type HeaderRetryAfter = components['headers']['RetryAfter'];
export type $defs = Record<string, never>;
export interface operations {
    createService: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ServiceCreate"];
            };
        };
        responses: {
            /** @description Created — service successfully created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Service"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /**
             * @description Conflict — service already exists: a service with the same `fqdn` is already
             *     registered with these credentials. Messente's pages name the status ("Service
             *     already exists") without the rule; the rule is our reading of it, and it is what
             *     the fake in `verigator/testing` enforces.
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            422: components["responses"]["InvalidData"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getService: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Your ServiceID, returned when the service was created.
                 * @example 9a2d2fe5-d3e9-4c9a-a8b4-6c2f3f0b2e7d
                 */
                ServiceId: components["parameters"]["ServiceId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK — the service. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Service"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteService: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Your ServiceID, returned when the service was created.
                 * @example 9a2d2fe5-d3e9-4c9a-a8b4-6c2f3f0b2e7d
                 */
                ServiceId: components["parameters"]["ServiceId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted — the service is deleted. The body is `{}` or empty. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Accepted"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /**
             * @description Conflict — the service still has users: delete them first. Messente's
             *     documentation states the rule without a status; `409` is our decision (see the
             *     operation's description).
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listUsers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Your ServiceID, returned when the service was created.
                 * @example 9a2d2fe5-d3e9-4c9a-a8b4-6c2f3f0b2e7d
                 */
                ServiceId: components["parameters"]["ServiceId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK — the users of the service. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Your ServiceID, returned when the service was created.
                 * @example 9a2d2fe5-d3e9-4c9a-a8b4-6c2f3f0b2e7d
                 */
                ServiceId: components["parameters"]["ServiceId"];
            };
            cookie?: never;
        };
        /** @description The user to add (JSON encoded). */
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserCreate"];
            };
        };
        responses: {
            /** @description Created — user successfully created. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            /**
             * @description Conflict — user already exists: the service already has a user with the same
             *     `id_in_service` (the same `id_in_service` in another service is a different user).
             *     Messente's page names the status ("User already exists") without the rule; the
             *     rule is our reading of it, and it is what the fake in `verigator/testing` enforces.
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            422: components["responses"]["InvalidData"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Your ServiceID, returned when the service was created.
                 * @example 9a2d2fe5-d3e9-4c9a-a8b4-6c2f3f0b2e7d
                 */
                ServiceId: components["parameters"]["ServiceId"];
                /**
                 * @description The UserID returned when the user was added to the service.
                 * @example 81213bfd-b690-499e-b9d2-8754cb1550e8
                 */
                UserId: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK — the user. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Your ServiceID, returned when the service was created.
                 * @example 9a2d2fe5-d3e9-4c9a-a8b4-6c2f3f0b2e7d
                 */
                ServiceId: components["parameters"]["ServiceId"];
                /**
                 * @description The UserID returned when the user was added to the service.
                 * @example 81213bfd-b690-499e-b9d2-8754cb1550e8
                 */
                UserId: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted — the user is deleted. The body is `{}` or empty. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Accepted"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    verifyPin: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Your ServiceID, returned when the service was created.
                 * @example 9a2d2fe5-d3e9-4c9a-a8b4-6c2f3f0b2e7d
                 */
                ServiceId: components["parameters"]["ServiceId"];
                /**
                 * @description The UserID returned when the user was added to the service.
                 * @example 81213bfd-b690-499e-b9d2-8754cb1550e8
                 */
                UserId: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AuthVerify"];
            };
        };
        responses: {
            /** @description OK — whether the PIN was accepted. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthVerifyResult"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["InvalidData"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    startAuthentication: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Your ServiceID, returned when the service was created.
                 * @example 9a2d2fe5-d3e9-4c9a-a8b4-6c2f3f0b2e7d
                 */
                ServiceId: components["parameters"]["ServiceId"];
                /**
                 * @description The UserID returned when the user was added to the service.
                 * @example 81213bfd-b690-499e-b9d2-8754cb1550e8
                 */
                UserId: components["parameters"]["UserId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AuthStart"];
            };
        };
        responses: {
            /** @description OK — authentication started with the method named in the body. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthStartResult"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["InvalidData"];
            429: components["responses"]["TooManyStarts"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
}
