import { jsonKind } from "../errors/malformed-answer-error.js";
import { isRecord } from "../transformer/transformer-options.js";

/**
 * Why a tool call of an OpenAI answer cannot be read, naming its path (`choices.0.message.tool_calls.1.id:
 * expected a string, got a number`); undefined when it can. A streamed `piece` may leave out anything but
 * what it carries (the name and id come in the first piece, the arguments in any); a whole answer's call
 * needs its function and the function's name. `arguments` may be the object itself, a habit some servers
 * have; `index` may be left out, and the call is then the one at its position in the list.
 */
export function openAIToolCallProblem(call: unknown, path: string, piece: boolean): string | undefined {
  if (!isRecord(call)) return `${path}: expected an object, got ${jsonKind(call)}`;
  const { index, id } = call;
  if (index != null && !(typeof index === "number" && Number.isInteger(index) && index >= 0))
    return `${path}.index: expected a non-negative integer, got ${typeof index === "number" ? index : jsonKind(index)}`;
  if (id != null && typeof id !== "string") return `${path}.id: expected a string, got ${jsonKind(id)}`;
  if (call.function == null) return piece ? undefined : `${path}.function: required`;
  return openAIFunctionProblem(call.function, `${path}.function`, piece);
}

/** The same for a call's `function` (or the legacy `function_call` it replaced): a name and the arguments. */
export function openAIFunctionProblem(fn: unknown, path: string, piece: boolean): string | undefined {
  if (!isRecord(fn)) return `${path}: expected an object, got ${jsonKind(fn)}`;
  const { name, arguments: args } = fn;
  if (name != null && typeof name !== "string")
    return `${path}.name: expected a string, got ${jsonKind(name)}`;
  if (!piece && (typeof name !== "string" || name === "")) return `${path}.name: required`;
  if (args != null && typeof args !== "string" && !isRecord(args))
    return `${path}.arguments: expected a JSON string, got ${jsonKind(args)}`;
  return undefined;
}
