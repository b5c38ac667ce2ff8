import type { Behaviour, Script } from "./behaviour.js";
import { type FakeProvider, startFakeProvider } from "./fake-provider-server.js";

export interface FakeAnthropic extends FakeProvider {
  /** Put this in a provider's `api_base_url` (the `/messages` suffix selects the Anthropic protocol). */
  readonly messagesUrl: string;
}

const exhausted: Behaviour = {
  kind: "json",
  status: 500,
  body: { type: "error", error: { type: "api_error", message: "fake provider: no scripted behaviour left" } },
};

/** A fake Anthropic-compatible provider (Messages API) on 127.0.0.1, answering per `script`. */
export async function startFakeAnthropic(
  script: Script = [],
  options: { otherwise?: Behaviour; keepAliveTimeoutMs?: number } = {},
): Promise<FakeAnthropic> {
  const fake = await startFakeProvider({ ...options, script, otherwise: options.otherwise ?? exhausted });
  return Object.assign(fake, { messagesUrl: `${fake.url}/v1/messages` });
}
