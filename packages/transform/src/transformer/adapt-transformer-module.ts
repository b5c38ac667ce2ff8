import type { OpenAIChatRequest, OpenAIChatResponse } from "../types/openai.js";
import type { TierContext, Transformer } from "./transformer.js";
import { TransformerConfigError } from "./transformer-config-error.js";
import { isRecord } from "./transformer-options.js";

const NATIVE_HOOKS = [
  "translation",
  "anthropicRequest",
  "openaiRequest",
  "headers",
  "openaiResponse",
  "openaiChunks",
  "openaiStream",
] as const;

/** A claude-code-router (`@musistudio/llms`) transformer instance, as far as CCR can run it. */
type CcrStyleTransformer = {
  name?: unknown;
  transformRequestIn?: (request: unknown, provider: unknown, context: unknown) => unknown;
  transformResponseOut?: (response: Response, context: unknown) => unknown;
  transformRequestOut?: unknown;
  transformResponseIn?: unknown;
  endPoint?: unknown;
  auth?: unknown;
};

/**
 * Turns what a user's transformer module exports (after the proxy's
 * `import()`) into a Transformer. Accepted shapes, on `default` or on the
 * module itself:
 * - a Transformer object, or a factory `(options) => Transformer`;
 * - a claude-code-router class `new (options) => { name, transformRequestIn?, transformResponseOut? }`
 *   (or such an instance): `transformRequestIn` runs on the OpenAI body,
 *   `transformResponseOut` on the upstream's OpenAI JSON or SSE answer
 *   wrapped in a `Response`, both on openai tiers only.
 *
 * claude-code-router's `endPoint`, `auth`, `transformRequestOut` and
 * `transformResponseIn` have no equivalent (the provider config sets URL
 * and key; the Anthropic side is CCR's own), so a module that relies on
 * them is refused here rather than half-working.
 *
 * @throws TransformerConfigError naming what is wrong with the module.
 */
export function adaptTransformerModule(
  moduleExports: unknown,
  options?: Readonly<Record<string, unknown>>,
): Transformer {
  const exported = unwrapDefault(moduleExports);
  const instance = instantiate(exported, options);
  if (!isRecord(instance)) {
    throw new TransformerConfigError(
      "(module)",
      "the module must export (as default or module.exports) a transformer object, a factory function, or a class",
    );
  }
  const name =
    typeof instance.name === "string" && instance.name !== "" ? instance.name : staticName(exported);
  if (!name)
    throw new TransformerConfigError(
      "(module)",
      'the transformer needs a "name" (the name used in "transformer.use")',
    );

  if (NATIVE_HOOKS.some((hook) => hook in instance)) {
    if (instance.name === name) return instance as unknown as Transformer;
    // A class instance named by a static TransformerName: inherit from it so its methods keep working.
    return Object.defineProperty(Object.create(instance), "name", {
      value: name,
      enumerable: true,
    }) as Transformer;
  }
  return adaptCcrTransformer(name, instance as CcrStyleTransformer);
}

function unwrapDefault(moduleExports: unknown): unknown {
  if (isRecord(moduleExports) && "default" in moduleExports && moduleExports.default !== undefined) {
    return moduleExports.default;
  }
  return moduleExports;
}

function instantiate(exported: unknown, options: Readonly<Record<string, unknown>> | undefined): unknown {
  if (typeof exported !== "function") return exported;
  const fn = exported as (...args: unknown[]) => unknown;
  return isClass(fn)
    ? new (fn as unknown as new (...args: unknown[]) => unknown)(options ?? {})
    : fn(options ?? {});
}

/** ES classes, and compiled classes (a prototype carrying methods), must be called with `new`. */
function isClass(fn: (...args: unknown[]) => unknown): boolean {
  if (/^class[\s{]/.test(Function.prototype.toString.call(fn))) return true;
  const prototype = fn.prototype as object | undefined;
  return (
    prototype !== undefined && Object.getOwnPropertyNames(prototype).some((key) => key !== "constructor")
  );
}

function staticName(exported: unknown): string | undefined {
  if (typeof exported !== "function") return undefined;
  const value = (exported as { TransformerName?: unknown }).TransformerName;
  return typeof value === "string" && value !== "" ? value : undefined;
}

function adaptCcrTransformer(name: string, instance: CcrStyleTransformer): Transformer {
  for (const unsupported of ["endPoint", "auth", "transformRequestOut", "transformResponseIn"] as const) {
    if (instance[unsupported] !== undefined) {
      throw new TransformerConfigError(
        name,
        `defines "${unsupported}", which CCR does not support: set the upstream URL and key in the provider config, ` +
          "and use transformRequestIn / transformResponseOut (or CCR's own hooks) for the rest",
      );
    }
  }
  const requestIn = instance.transformRequestIn;
  const responseOut = instance.transformResponseOut;
  if (typeof requestIn !== "function" && typeof responseOut !== "function") {
    throw new TransformerConfigError(
      name,
      "has no hook CCR knows: implement CCR's Transformer interface (anthropicRequest, openaiRequest, openaiChunks...) " +
        "or claude-code-router's transformRequestIn / transformResponseOut",
    );
  }
  const transformer: { -readonly [K in keyof Transformer]: Transformer[K] } = { name };
  if (typeof requestIn === "function") {
    transformer.openaiRequest = async (body, context) => {
      const result = await requestIn.call(instance, structuredClone(body), providerOf(context), {
        model: context.model,
      });
      // claude-code-router lets transformRequestIn return { body, config }; config.headers is honoured via `headers`.
      if (isRecord(result) && isRecord(result.body) && isRecord(result.config)) {
        if (result.config.url !== undefined) {
          throw new TransformerConfigError(
            name,
            "tried to change the upstream URL, which CCR does not support",
          );
        }
        if (isRecord(result.config.headers)) pendingHeaders.set(context, stringRecord(result.config.headers));
        return result.body as OpenAIChatRequest;
      }
      if (!isRecord(result))
        throw new TransformerConfigError(name, "transformRequestIn must return the request body");
      return result as OpenAIChatRequest;
    };
    transformer.headers = (context) => pendingHeaders.get(context) ?? {};
  }
  if (typeof responseOut === "function") {
    transformer.openaiResponse = async (body, context) => {
      const wrapped = new Response(JSON.stringify(body), { headers: { "content-type": "application/json" } });
      const result = (await responseOut.call(instance, wrapped, { model: context.model })) as Response;
      return (await result.json()) as OpenAIChatResponse;
    };
    transformer.openaiStream = (body, context) => {
      const wrapped = new Response(body, { headers: { "content-type": "text/event-stream" } });
      const pending = Promise.resolve(
        responseOut.call(instance, wrapped, { model: context.model }) as Promise<Response>,
      );
      let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
      return new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (!reader) {
            const result = await pending;
            if (!result.body) return controller.close();
            reader = result.body.getReader();
          }
          const { done, value } = await reader.read();
          if (done) controller.close();
          else controller.enqueue(value);
        },
        async cancel(reason) {
          if (reader) await reader.cancel(reason);
          else await body.cancel(reason).catch(() => undefined);
        },
      });
    };
  }
  return transformer;
}

const pendingHeaders = new WeakMap<TierContext, Record<string, string>>();

function providerOf(context: TierContext): { name: string; models: string[] } {
  return { name: context.provider ?? "", models: [context.model] };
}

function stringRecord(record: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(record))
    if (value !== undefined && value !== null) out[key] = String(value);
  return out;
}
