/** One Server-Sent Event: the `event:` name (absent for plain `data:` events), the joined `data:` lines and the `id:`. */
export type SseEvent = { event?: string; data: string; id?: string };
