import type { RouterObserver as MetricsSink } from "../observer/router-observer.js";

export type RecordedEvent = { readonly type: keyof MetricsSink; readonly event: Record<string, unknown> };

/** A RouterObserver that keeps every event, in order. */
export function recordingMetrics(): MetricsSink & { events: RecordedEvent[]; of(type: keyof MetricsSink): Record<string, unknown>[] } {
  const events: RecordedEvent[] = [];
  const record = (type: keyof MetricsSink) => (event: object) => {
    events.push({ type, event: event as Record<string, unknown> });
  };
  return {
    events,
    of: (type) => events.filter((entry) => entry.type === type).map((entry) => entry.event),
    requestStart: record("requestStart"),
    attemptEnd: record("attemptEnd"),
    retry: record("retry"),
    fallback: record("fallback"),
    circuit: record("circuit"),
    cooldown: record("cooldown"),
    firstToken: record("firstToken"),
    streamStart: record("streamStart"),
    requestEnd: record("requestEnd"),
  };
}

/** A pino-compatible logger that keeps every line. */
export function recordingLogger() {
  const lines: { level: string; obj: object; msg?: string }[] = [];
  const at = (level: string) => (obj: object, msg?: string) => {
    lines.push({ level, obj, msg });
  };
  return { lines, debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}
