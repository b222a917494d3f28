// The environment handed back to tests is a deep proxy over the one the server reads: any write
// through it (push a row, change an amount, delete a connector) bumps a version, which drops the
// cached filter/sort indexes. The server itself reads the raw objects, so serving costs nothing.
type Obj = Record<PropertyKey, unknown>;

export function trackMutations<T extends object>(root: T, onChange: () => void): T {
  const proxies = new WeakMap<object, object>();
  const targets = new WeakMap<object, object>();
  const unwrap = (v: unknown): unknown => (typeof v === 'object' && v !== null ? (targets.get(v) ?? v) : v);
  const wrap = (obj: object): object => {
    const existing = proxies.get(obj);
    if (existing) return existing;
    const proxy = new Proxy(obj as Obj, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (typeof value !== 'object' || value === null) return value;
        // Proxy invariant: a frozen (non-configurable, read-only) property must read as itself.
        const d = Reflect.getOwnPropertyDescriptor(target, prop);
        if (d && !d.configurable && !d.writable) return value;
        return wrap(value);
      },
      set(target, prop, value) {
        const ok = Reflect.set(target, prop, unwrap(value));
        onChange();
        return ok;
      },
      deleteProperty(target, prop) {
        const ok = Reflect.deleteProperty(target, prop);
        onChange();
        return ok;
      },
      defineProperty(target, prop, descriptor) {
        const d = 'value' in descriptor ? { ...descriptor, value: unwrap(descriptor.value) } : descriptor;
        const ok = Reflect.defineProperty(target, prop, d);
        onChange();
        return ok;
      },
    });
    proxies.set(obj, proxy);
    targets.set(proxy, obj);
    return proxy;
  };
  return wrap(root) as T;
}
