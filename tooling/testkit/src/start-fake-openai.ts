import type { Behaviour, Script } from "./behaviour.js";
import { type FakeProvider, startFakeProvider } from "./fake-provider-server.js";

export interface FakeOpenAI extends FakeProvider {
  /** Put this in a provider's `api_base_url`. */
  readonly chatCompletionsUrl: string;
}

/** A fake OpenAI-compatible provider (Chat Completions) on 127.0.0.1, answering per `script`. */
export async function startFakeOpenAI(
  script: Script = [],
  options: { otherwise?: Behaviour; keepAliveTimeoutMs?: number } = {},
): Promise<FakeOpenAI> {
  const fake = await startFakeProvider({ ...options, script });
  return Object.assign(fake, { chatCompletionsUrl: `${fake.url}/v1/chat/completions` });
}
