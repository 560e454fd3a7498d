// One operation's Try it panel: its method and whole path, a "Try it" button that opens a form
// built from the document (path parameters, body fields with the document's examples filled in),
// "Send", the answer (status, headers, body) with the curl that reproduces it, and the SMS inbox.
// The request is built by the client's own build step (build-request.ts), so the page refuses
// what the client refuses, naming the field, and sends nothing then. What a server answers is
// shown as text only: markup or script in it never runs.
import { buildRequest } from "../build-request.ts";
import { InvalidDataError } from "../errors.ts";
import { isOperationId } from "../testing/routes.ts";
import type { Answer, Connection } from "./connection.ts";
import { answerTimeoutMs, SettingsError } from "./connection.ts";
import { curlCommand } from "./curl.ts";
import type { FieldData, OperationData, TryItData } from "./data.ts";
import { isObject } from "./data.ts";
import { element } from "./dom.ts";
import { createInbox } from "./inbox.ts";
import type { KnownIds } from "./known-ids.ts";

export interface PanelContext {
  data: TryItData;
  connection: Connection;
  knownIds: KnownIds;
  /** Where the sandbox's requests can be repeated from a shell: the fake `npm start` serves. */
  fakeUrl: string;
  /** Called as this panel opens: the others close (one panel at a time keeps every name on the page once). */
  opening(panel: Panel): void;
}

export interface Panel {
  operation: OperationData;
  /** The endpoint line, the Try it button and the panel: what is put in the operation's section. */
  block: HTMLElement;
  close(): void;
}

const reasons: Record<number, string> = {
  200: "OK",
  201: "Created",
  202: "Accepted",
  204: "No Content",
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  413: "Content Too Large",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

/** A field's value as the body sends it: a string as typed, a number or boolean read from its text; undefined leaves it out. */
function fieldValue(field: FieldData, text: string): unknown {
  if (text === "" && !field.required) return undefined;
  if (field.type === "boolean") return text === "true" ? true : text === "false" ? false : text;
  if (field.type === "number" || field.type === "integer") return text.trim() !== "" && Number.isFinite(Number(text)) ? Number(text) : text;
  return text;
}

const textOf = (value: unknown) => (value === undefined || value === null ? "" : String(value));

let panelCount = 0;

export function createPanel(operation: OperationData, context: PanelContext): Panel {
  const { connection, knownIds, data } = context;
  const id = `try-it-${++panelCount}`;
  const header = data.credentialHeader;
  const fieldId = (name: string) => `${id}-${name.replace(/[^\w-]/g, "_")}`;

  // Where to send it: shared by every panel (one is open at a time).
  const baseUrl = element("input", {
    id: fieldId("base-url"),
    type: "url",
    inputmode: "url",
    autocomplete: "off",
    spellcheck: "false",
    placeholder: "empty: the sandbox in this page",
    list: fieldId("servers"),
    "aria-describedby": fieldId("base-url-help"),
  });
  const credential = element("input", {
    id: fieldId("credential"),
    type: "password",
    autocomplete: "off",
    spellcheck: "false",
    "aria-describedby": fieldId("credential-help"),
  });
  baseUrl.addEventListener("input", () => {
    connection.settings.baseUrl = baseUrl.value;
    void inbox.refresh();
  });
  credential.addEventListener("input", () => {
    connection.settings.credential = credential.value;
  });
  const servers = element(
    "datalist",
    { id: fieldId("servers") },
    ...data.servers.map((server) => element("option", { value: server.url }, server.description)),
  );

  // The path parameters: filled with the newest id an answer gave, else the document's example.
  const params = operation.params.map((param) => {
    const input = element("input", {
      id: fieldId(`param-${param.name}`),
      type: "text",
      autocomplete: "off",
      spellcheck: "false",
      list: fieldId(`ids-${param.name}`),
      "aria-describedby": fieldId(`param-${param.name}-help`),
      "aria-required": "true",
    });
    const ids = element("datalist", { id: fieldId(`ids-${param.name}`) });
    let edited = false;
    input.addEventListener("input", () => {
      edited = true;
    });
    const refill = () => {
      const known = knownIds.of(param.name);
      ids.replaceChildren(...known.map((one) => element("option", { value: one })));
      if (!edited) input.value = known[0] ?? param.example ?? "";
    };
    refill();
    knownIds.onChange(refill);
    const row = element(
      "div",
      { class: "try-it-field" },
      element("label", { for: input.id }, param.name),
      input,
      ids,
      element("p", { class: "try-it-help", id: fieldId(`param-${param.name}-help`) }, param.description),
    );
    const reset = () => {
      edited = false;
      refill();
    };
    return { param, input, row, reset };
  });

  // The body's fields, with the document's first example filled in (another can be picked).
  const fields = (operation.body?.fields ?? []).map((field) => {
    const help = [field.description, field.pattern && `Pattern: ${field.pattern}.`, field.required ? "Required." : "Optional."].filter(Boolean).join(" ");
    const choices = field.enum ?? (field.type === "boolean" ? ["true", "false"] : undefined);
    const control = choices
      ? element(
          "select",
          { id: fieldId(`body-${field.name}`), "aria-describedby": fieldId(`body-${field.name}-help`), "aria-required": field.required ? "true" : undefined },
          ...(field.required ? [] : [element("option", { value: "" }, "(leave out)")]),
          ...choices.map((choice) => element("option", { value: choice }, choice)),
        )
      : element("input", {
          id: fieldId(`body-${field.name}`),
          type: "text",
          autocomplete: "off",
          spellcheck: "false",
          "aria-describedby": fieldId(`body-${field.name}-help`),
          "aria-required": field.required ? "true" : undefined,
        });
    const row = element(
      "div",
      { class: "try-it-field" },
      element("label", { for: control.id }, field.name),
      control,
      element("p", { class: "try-it-help", id: fieldId(`body-${field.name}-help`) }, help),
    );
    return { field, control, row };
  });
  const examples = operation.body?.examples ?? [];
  const fillExample = (at: number) => {
    const value = examples[at]?.value;
    for (const { field, control } of fields) {
      const given = isObject(value) ? value[field.name] : undefined;
      control.value = textOf(given ?? (field.required ? field.example : undefined));
    }
  };
  const exampleChoice =
    examples.length > 1
      ? element("select", { id: fieldId("example") }, ...examples.map((example, at) => element("option", { value: String(at) }, example.summary)))
      : undefined;
  exampleChoice?.addEventListener("change", () => fillExample(Number(exampleChoice.value)));
  fillExample(0);

  const refusal = element("p", { class: "try-it-refusal", role: "alert" });
  const send = element("button", { type: "submit", class: "try-it-send" }, "Send");
  const response = element(
    "section",
    { class: "try-it-response", "aria-label": "Response", "aria-live": "polite" },
    element("p", { class: "try-it-note" }, "No request sent yet: Send shows the answer here."),
  );
  const form = element(
    "form",
    { class: "try-it-form", novalidate: true },
    element(
      "fieldset",
      {},
      element("legend", {}, "Where to send it"),
      element(
        "div",
        { class: "try-it-field" },
        element("label", { for: baseUrl.id }, "Base URL"),
        baseUrl,
        servers,
        element(
          "p",
          { class: "try-it-help", id: fieldId("base-url-help") },
          "Empty: the sandbox, a stateful fake of the API running in this page — nothing leaves it. Or a server: npm start's mock or fake, or your own.",
        ),
      ),
      element(
        "div",
        { class: "try-it-field" },
        element("label", { for: credential.id }, header),
        credential,
        element(
          "p",
          { class: "try-it-help", id: fieldId("credential-help") },
          "username:password. Kept in this page's memory only: never stored, never in a URL or a log; curl reads it from $VERIGATOR_AUTH. The sandbox needs none (it accepts sandbox:sandbox).",
        ),
      ),
    ),
    params.length ? element("fieldset", {}, element("legend", {}, "Path"), ...params.map((one) => one.row)) : false,
    fields.length
      ? element(
          "fieldset",
          {},
          element("legend", {}, "Body (JSON)"),
          exampleChoice && element("div", { class: "try-it-field" }, element("label", { for: exampleChoice.id }, "Example"), exampleChoice),
          ...fields.map((one) => one.row),
        )
      : false,
    refusal,
    element("div", { class: "try-it-actions" }, send),
  );

  const currentUser = () => {
    const serviceId = params.find((one) => one.param.name === "ServiceId")?.input.value.trim();
    const userId = params.find((one) => one.param.name === "UserId")?.input.value.trim();
    return serviceId && userId ? { serviceId, userId } : undefined;
  };
  const inbox = createInbox(connection, header, operation.params.some((one) => one.name === "UserId") ? currentUser : () => undefined, () => {
    knownIds.forgetSandbox();
    for (const one of params) one.reset();
  });

  // In the page only while open: a closed panel's fields are nowhere, so every name on the page is there once.
  const panel = element("div", { id, class: "try-it-panel", role: "group", "aria-label": `Try it: ${operation.summary}` }, form, response, inbox.element);
  const open = element("button", { type: "button", class: "try-it-open", "aria-expanded": "false", "aria-controls": id }, "Try it");
  const block = element(
    "div",
    { class: "try-it", "data-operation": operation.operationId },
    element(
      "div",
      { class: "try-it-bar" },
      element(
        "p",
        { class: "try-it-endpoint" },
        element("span", { class: `try-it-method try-it-${operation.method.toLowerCase()}` }, operation.method),
        " ",
        // A line break may come after each slash: a long path wraps at its segments on a phone.
        element("code", {}, ...operation.path.split("/").flatMap((segment, at) => (at === 0 ? [segment] : ["/", document.createElement("wbr"), segment]))),
      ),
      open,
    ),
  );

  const self: Panel = {
    operation,
    block,
    close() {
      panel.remove();
      open.setAttribute("aria-expanded", "false");
      inbox.stop();
    },
  };

  open.addEventListener("click", () => {
    if (panel.isConnected) return self.close();
    context.opening(self);
    baseUrl.value = connection.settings.baseUrl;
    credential.value = connection.settings.credential;
    block.append(panel);
    open.setAttribute("aria-expanded", "true");
    void inbox.refresh();
    baseUrl.focus();
  });
  panel.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    self.close();
    open.focus();
  });

  /** Shows that the request was not sent, and why, on the field to fix. */
  const refuse = (message: string, field: string | undefined) => {
    refusal.textContent = `Not sent: ${message}`;
    const target =
      field === "Base URL"
        ? baseUrl
        : field === header
          ? credential
          : (params.find((one) => one.param.name === field)?.input ?? fields.find((one) => one.field.name === field?.replace(/^body\./, ""))?.control);
    target?.setAttribute("aria-invalid", "true");
    target?.focus();
  };

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    refusal.textContent = "";
    for (const control of form.querySelectorAll("[aria-invalid]")) control.removeAttribute("aria-invalid");
    if (!isOperationId(operation.operationId)) return refuse(`${operation.operationId} is not an operation of this build`, undefined);
    const values = Object.fromEntries(params.map((one) => [one.param.name, one.input.value]));
    let body: Record<string, unknown> | undefined;
    if (operation.body) {
      body = {};
      for (const { field, control } of fields) {
        const value = fieldValue(field, control.value);
        if (value !== undefined) body[field.name] = value;
      }
    }
    let built: ReturnType<typeof buildRequest>;
    try {
      built = buildRequest(operation.operationId, values, body);
    } catch (error) {
      if (error instanceof InvalidDataError) return refuse(error.message, error.field);
      throw error;
    }
    send.disabled = true;
    response.setAttribute("aria-busy", "true");
    const base = connection.usesSandbox() ? undefined : connection.settings.baseUrl.trim().replace(/\/+$/, "");
    const curl = curlCommand(built.method, built.path, built.body, header, base, context.fakeUrl);
    try {
      const answer = await connection.send(built.method, built.path, built.body, header);
      showAnswer(answer, curl, base);
      learn(answer, values);
    } catch (error) {
      if (error instanceof SettingsError) refuse(error.message, error.field);
      else showFailure(error, curl, base);
    } finally {
      send.disabled = false;
      response.removeAttribute("aria-busy");
      void inbox.refresh();
    }
  });

  /** The ids a successful answer gives, for the forms that need them next. */
  function learn(answer: Answer, values: Record<string, string>) {
    if (answer.status < 200 || answer.status >= 300) return;
    const fromSandbox = connection.usesSandbox();
    for (const [name, value] of Object.entries(values)) if (value) knownIds.add(name, value, fromSandbox);
    const created = isObject(answer.json) ? answer.json.id : undefined;
    if (operation.produces && typeof created === "string") knownIds.add(operation.produces, created, fromSandbox);
  }

  function showAnswer(answer: Answer, curl: string, base: string | undefined) {
    const where = base ? base : "the sandbox";
    const status =
      answer.status === 0
        ? element("p", { class: "try-it-status" }, "A redirect, not followed (the browser hides where to).")
        : element(
            "p",
            { class: "try-it-status" },
            element("span", { class: `try-it-code try-it-${Math.floor(answer.status / 100)}xx` }, String(answer.status)),
            ` ${reasons[answer.status] ?? ""} · ${answer.ms} ms · ${where}`,
          );
    const shown = answer.json === undefined ? answer.text : connection.redact(JSON.stringify(answer.json, null, 2));
    response.replaceChildren(
      status,
      element("p", { class: "try-it-label" }, "Body"),
      element("pre", { class: "try-it-body", tabindex: "0" }, shown || "(empty)"),
      ...(answer.cut ? [element("p", { class: "try-it-note" }, answer.cut)] : []),
      element(
        "details",
        {},
        element("summary", {}, `Headers (${answer.headers.length})`),
        element("dl", { class: "try-it-headers" }, ...answer.headers.flatMap(([name, value]) => [element("dt", {}, name), element("dd", {}, value)])),
      ),
      ...curlPart(curl),
    );
  }

  function showFailure(error: unknown, curl: string, base: string | undefined) {
    const timedOut = error instanceof DOMException && error.name === "TimeoutError";
    const message = timedOut
      ? `No answer within ${answerTimeoutMs / 1000} s.`
      : base
        ? `No answer from ${base}: the browser could not reach it, or it does not let this page read its answers (CORS). npm start's mock and fake do.`
        : `The sandbox failed: ${connection.redact(error instanceof Error ? error.message : String(error))}`;
    response.replaceChildren(element("p", { class: "try-it-status" }, message), ...curlPart(curl));
  }

  function curlPart(curl: string): HTMLElement[] {
    const copy = element("button", { type: "button", class: "try-it-secondary" }, "Copy curl");
    copy.addEventListener("click", () => void navigator.clipboard?.writeText(curl).then(() => (copy.textContent = "Copied")));
    return [
      element("div", { class: "try-it-label-row" }, element("p", { class: "try-it-label" }, "curl (set VERIGATOR_AUTH first)"), copy),
      element("pre", { class: "try-it-curl", tabindex: "0" }, curl),
    ];
  }

  return self;
}
