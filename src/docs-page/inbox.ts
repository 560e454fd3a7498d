// The SMS inbox of a Try it panel: every PIN the sandbox "sent", newest first, and the current
// code of each user given an authenticator app — so the whole two-factor flow runs in the page.
// With a Base URL it reads the same from that server's control endpoints (`verigator fake`, as
// `npm start` serves it), and says so when the server has none (the Prism mock, a real API).
import type { Connection } from "./connection.ts";
import { isObject } from "./data.ts";
import { element } from "./dom.ts";

interface Message {
  to: string;
  pin: string;
  userId: string;
  at: number;
}

/** Users given an authenticator app from the inbox, by where they live: the sandbox or a server's base URL. */
const withApps = new Map<string, { serviceId: string; userId: string }[]>();

const isMessage = (value: unknown): value is Message =>
  isObject(value) && typeof value.pin === "string" && typeof value.to === "string" && typeof value.userId === "string";

export interface Inbox {
  element: HTMLElement;
  /** Reads the messages and codes again (after a request, when the panel opens). */
  refresh(): Promise<void>;
  /** Stops the clock that updates the codes (the panel closed). */
  stop(): void;
}

/**
 * @param currentUser the ServiceId and UserId the panel's form holds, for "Give this user an authenticator app"
 * @param onReset called after the sandbox was emptied
 */
export function createInbox(
  connection: Connection,
  header: string,
  currentUser: () => { serviceId: string; userId: string } | undefined,
  onReset: () => void,
): Inbox {
  const where = element("p", { class: "try-it-note" });
  const list = element("ol", { class: "try-it-messages", "aria-live": "polite" });
  const codes = element("ul", { class: "try-it-codes" });
  const status = element("p", { class: "try-it-note", role: "status" });
  const addApp = element("button", { type: "button", class: "try-it-secondary" }, "Give this user an authenticator app");
  const reset = element("button", { type: "button", class: "try-it-secondary" }, "Reset sandbox");
  const region = element(
    "section",
    { class: "try-it-inbox", "aria-label": "SMS inbox" },
    element("p", { class: "try-it-title" }, "SMS inbox"),
    where,
    list,
    codes,
    element("div", { class: "try-it-actions" }, addApp, reset),
    status,
  );
  let timer: ReturnType<typeof setInterval> | undefined;
  const key = () => (connection.usesSandbox() ? "sandbox" : connection.settings.baseUrl.trim());

  /** A control request to the server at the Base URL (its /_fake/ endpoints), with the reader's credential. */
  async function control(path: string, init: RequestInit = {}): Promise<Response> {
    const base = connection.settings.baseUrl.trim().replace(/\/+$/, "");
    const credential = connection.settings.credential.trim();
    return fetch(base + path, {
      ...init,
      headers: {
        accept: "application/json",
        ...(init.body !== undefined && { "content-type": "application/json" }),
        ...(credential && { [header]: credential }),
      },
      signal: AbortSignal.timeout(10_000),
    });
  }

  async function messages(): Promise<Message[] | string> {
    if (connection.usesSandbox()) return [...connection.sandbox.messages];
    try {
      const answer = await control("/_fake/messages");
      if (answer.status === 401) return "This server refused the X-Service-Auth for its inbox (401).";
      if (!answer.ok)
        return "This server has no SMS inbox: only the sandbox and verigator fake (npm start's fake) have one. Read the PIN where your server sends it.";
      const body: unknown = await answer.json();
      const found = isObject(body) ? body.messages : undefined;
      return Array.isArray(found) ? found.filter(isMessage) : "This server's inbox answered something else than messages.";
    } catch {
      return "This server's inbox could not be read (no answer, or the browser refused it).";
    }
  }

  async function code(user: { serviceId: string; userId: string }): Promise<string> {
    if (connection.usesSandbox()) {
      try {
        return connection.sandbox.totp(user.serviceId, user.userId);
      } catch {
        return "gone (the user or the sandbox was reset)";
      }
    }
    try {
      const query = `serviceId=${encodeURIComponent(user.serviceId)}&userId=${encodeURIComponent(user.userId)}`;
      const answer = await control(`/_fake/totp?${query}`);
      const body: unknown = await answer.json();
      const found = isObject(body) ? body.code : undefined;
      return answer.ok && typeof found === "string" ? found : `unavailable (${answer.status})`;
    } catch {
      return "unavailable";
    }
  }

  async function refreshCodes(): Promise<void> {
    const users = withApps.get(key()) ?? [];
    const left = 30 - (Math.floor(Date.now() / 1000) % 30);
    const items = await Promise.all(
      users.map(async (user) =>
        element("li", {}, `User ${user.userId}: authenticator code `, element("strong", {}, await code(user)), ` (changes in ${left} s)`),
      ),
    );
    codes.replaceChildren(...items);
  }

  async function refresh(): Promise<void> {
    where.textContent = connection.usesSandbox()
      ? "The PINs the sandbox sent, newest first: type one into Verify the PIN."
      : `The PINs ${connection.settings.baseUrl.trim()} sent, from its /_fake/messages.`;
    const found = await messages();
    if (typeof found === "string") {
      list.replaceChildren(element("li", { class: "try-it-empty" }, found));
    } else if (!found.length) {
      list.replaceChildren(element("li", { class: "try-it-empty" }, "No SMS sent yet: start authentication with method sms."));
    } else {
      list.replaceChildren(
        ...found
          .slice(-10)
          .reverse()
          .map((message) =>
            element("li", {}, "PIN ", element("strong", { class: "try-it-pin" }, message.pin), ` to ${message.to}, for user ${message.userId}`),
          ),
      );
    }
    await refreshCodes();
    timer ??= setInterval(() => void refreshCodes(), 1000);
  }

  addApp.addEventListener("click", async () => {
    const user = currentUser();
    if (!user?.serviceId || !user.userId) {
      status.textContent = "Fill in ServiceId and UserId above first: the app goes to that user.";
      return;
    }
    try {
      if (connection.usesSandbox()) connection.sandbox.addAuthenticator(user.serviceId, user.userId);
      else {
        const answer = await control("/_fake/authenticator", { method: "POST", body: JSON.stringify(user) });
        if (!answer.ok) throw new Error(`the server answered ${answer.status}`);
      }
      const users = (withApps.get(key()) ?? []).filter((one) => one.serviceId !== user.serviceId || one.userId !== user.userId);
      withApps.set(key(), [...users, user]);
      status.textContent = `User ${user.userId} has an authenticator app: a totp start now expects its code.`;
      await refreshCodes();
    } catch (error) {
      status.textContent = `No app given: ${error instanceof Error ? connection.redact(error.message) : "the user is unknown"}.`;
    }
  });

  reset.addEventListener("click", async () => {
    connection.resetSandbox();
    withApps.delete("sandbox");
    onReset();
    status.textContent = "The sandbox is empty again: no services, users, messages or apps.";
    await refresh();
  });

  return {
    element: region,
    refresh,
    stop() {
      clearInterval(timer);
      timer = undefined;
    },
  };
}
