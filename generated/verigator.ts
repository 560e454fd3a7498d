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
         *     deleted. The answer has no body.
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
         *     | `X-Service-Auth` | `<username>:<password>`, see Authentication | Yes |
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
         * @description Removes the user from the service. The answer has no body.
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
        UserCreate: {
            /**
             * @description Username in your service that is used for logging in - usually users email address.
             * @example john.doe@verigator.com
             * @example john_doe
             */
            id_in_service: string;
            /**
             * @description Users phone number with country prefix (international form, a `+` and digits).
             * @example +4401234567
             */
            phone_number: string;
        };
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
        UserList: {
            /** @description The users of the service. */
            users: components["schemas"]["User"][];
        };
        /**
         * @description `sms` sends a PIN by SMS; `totp` expects a code from the authenticator app.
         * @example sms
         * @enum {string}
         */
        AuthMethod: "sms" | "totp";
        AuthStart: {
            method: components["schemas"]["AuthMethod"];
        };
        AuthStartResult: {
            /** @description The method actually used; `totp` falls back to `sms` when the user has no app device. */
            method: components["schemas"]["AuthMethod"];
        };
        AuthVerify: {
            /**
             * @description The PIN the user typed.
             * @example 123456
             */
            token: string;
        };
        AuthVerifyResult: {
            /**
             * @description Whether the PIN was accepted.
             * @example true
             */
            verified: boolean;
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
        /** @description An error answer. Other properties may be present. */
        Error: {
            /**
             * @description What went wrong.
             * @example User already exists
             */
            message: string;
        };
    };
    responses: {
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
    headers: never;
    pathItems: never;
}
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
            /** @description Conflict — service already exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            422: components["responses"]["InvalidData"];
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
            /** @description Accepted — the service is deleted. No body. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
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
            /** @description Conflict — user already exists. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            422: components["responses"]["InvalidData"];
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
            /** @description Accepted — the user is deleted. No body. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
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
        };
    };
}
