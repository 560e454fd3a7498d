// The ids earlier answers gave, offered in later forms: the ServiceId a create answered fills
// add-user's ServiceId. Per path parameter, newest first; forgotten with the sandbox they came
// from when it is reset.

export interface KnownIds {
  /** The ids known for a path parameter, newest first. */
  of(param: string): readonly string[];
  /** Remembers an id for a parameter (moved to the front when known already). */
  add(param: string, id: string, fromSandbox: boolean): void;
  /** Forgets the ids the sandbox gave. */
  forgetSandbox(): void;
  /** Called after every change. */
  onChange(listener: () => void): void;
}

export function createKnownIds(): KnownIds {
  const ids = new Map<string, { id: string; fromSandbox: boolean }[]>();
  const listeners: (() => void)[] = [];
  const changed = () => {
    for (const listener of listeners) listener();
  };
  return {
    of: (param) => (ids.get(param) ?? []).map((one) => one.id),
    add(param, id, fromSandbox) {
      const list = (ids.get(param) ?? []).filter((one) => one.id !== id);
      ids.set(param, [{ id, fromSandbox }, ...list].slice(0, 20));
      changed();
    },
    forgetSandbox() {
      for (const [param, list] of ids)
        ids.set(
          param,
          list.filter((one) => !one.fromSandbox),
        );
      changed();
    },
    onChange: (listener) => void listeners.push(listener),
  };
}
