/** A place in a JSON value: object keys and array indexes from the root. */
export type JsonPath = readonly (string | number)[];

type JsonContainer = Record<string, unknown> | unknown[];

/** Every path in `root` (the root itself excluded), parents before children. */
export function allPaths(root: unknown): JsonPath[] {
  const paths: JsonPath[] = [];
  const pending: { value: unknown; path: JsonPath }[] = [{ value: root, path: [] }];
  while (pending.length > 0) {
    const { value, path } = pending.shift() as { value: unknown; path: JsonPath };
    if (path.length > 0) paths.push(path);
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++)
        pending.push({ value: value[index], path: [...path, index] });
    } else if (isObject(value))
      for (const key of Object.keys(value)) pending.push({ value: value[key], path: [...path, key] });
  }
  return paths;
}

export function getAt(root: unknown, path: JsonPath): unknown {
  let value = root;
  for (const key of path)
    value = isObject(value) || Array.isArray(value) ? (value as JsonContainer)[key as never] : undefined;
  return value;
}

/** Sets an own, enumerable property, even one named `__proto__`, as JSON.parse would. */
export function setAt(root: unknown, path: JsonPath, value: unknown): void {
  const parent = getAt(root, path.slice(0, -1));
  const key = path.at(-1);
  if (key === undefined || !(isObject(parent) || Array.isArray(parent))) return;
  Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true });
}

export function deleteAt(root: unknown, path: JsonPath): void {
  const parent = getAt(root, path.slice(0, -1));
  const key = path.at(-1);
  if (key === undefined) return;
  if (Array.isArray(parent) && typeof key === "number") parent.splice(key, 1);
  else if (isObject(parent)) delete parent[key];
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `messages.1.content.0`, as request validation errors name places. */
export function dotPath(path: JsonPath): string {
  return path.join(".");
}
