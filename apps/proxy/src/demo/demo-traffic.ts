const PROMPTS = [
  "Explain what a tier cascade is in one sentence.",
  "Write a haiku about rate limits.",
  "What does Retry-After mean?",
  "Summarize this repository in ten words.",
  "Suggest a name for a new feature flag.",
];

export interface DemoTraffic {
  stop(): void;
}

/**
 * Streams a small request to the demo proxy every `intervalMs`, so the dashboard opened by `ccr demo`
 * shows the cascade at once without anyone typing a curl line. Failures are ignored: this is scenery.
 */
export function startDemoTraffic(baseUrl: string, intervalMs = 2500): DemoTraffic {
  let n = 0;
  const controller = new AbortController();
  const send = async () => {
    const prompt = PROMPTS[n++ % PROMPTS.length]!;
    try {
      const response = await fetch(`${baseUrl}/v1/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          model: "claude-sonnet-4-5",
          max_tokens: 200,
          stream: true,
          messages: [{ role: "user", content: prompt }],
        }),
        signal: controller.signal,
      });
      await response.arrayBuffer();
    } catch {
      // Stopped, or the proxy is closing.
    }
  };
  void send();
  const timer = setInterval(() => void send(), intervalMs);
  return {
    stop() {
      clearInterval(timer);
      controller.abort();
    },
  };
}
