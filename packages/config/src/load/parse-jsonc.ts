import { type Node, type ParseError, parseTree, printParseErrorCode, stripComments } from "jsonc-parser";
import type { ConfigIssue } from "../issues/config-issue.js";

/** JSON with comments and trailing commas → value, or every syntax error with its line and column. */
export function parseJsonc(text: string): { value: unknown; issues: ConfigIssue[] } {
  if (stripComments(text).trim() === "") {
    return { value: undefined, issues: [{ path: "", message: "the file is empty; expected a JSON object" }] };
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const issues = errors.map((error) => {
    const { line, column } = lineAndColumn(text, error.offset);
    return {
      path: "",
      message: `line ${line}, column ${column}: ${describeParseError(printParseErrorCode(error.error))}`,
    };
  });
  return { value: root === undefined ? undefined : toValue(root), issues };
}

// jsonc-parser's own `parse` assigns keys, so a `"__proto__"` key would set the object's prototype instead
// of becoming a property; defining each property keeps the value exactly what the text says.
function toValue(node: Node): unknown {
  if (node.type === "array") return (node.children ?? []).map(toValue);
  if (node.type !== "object") return node.value;
  const object: Record<string, unknown> = {};
  for (const property of node.children ?? []) {
    const [key, value] = property.children ?? [];
    if (key === undefined) continue;
    Object.defineProperty(object, String(key.value), {
      value: value === undefined ? undefined : toValue(value),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return object;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - before.lastIndexOf("\n");
  return { line, column };
}

// jsonc-parser's codes are identifiers (`CommaExpected`); say them in words.
function describeParseError(code: string): string {
  const words = code.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return words.replace(/^(.*) expected$/, "expected $1");
}
