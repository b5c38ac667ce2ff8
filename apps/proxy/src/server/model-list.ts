import type { CcrConfig } from "@ccr/config";

export interface AnthropicModelInfo {
  type: "model";
  id: string;
  display_name: string;
  created_at: string;
}

export interface AnthropicModelList {
  data: AnthropicModelInfo[];
  has_more: boolean;
  first_id: string | null;
  last_id: string | null;
}

/** Every configured model as Anthropic's `/v1/models` lists them; ids are `provider,model` so `/model` can use them. */
export function modelList(config: CcrConfig, startedAt: number): AnthropicModelList {
  const createdAt = new Date(startedAt).toISOString();
  const data: AnthropicModelInfo[] = [];
  for (const provider of Object.values(config.providers)) {
    for (const model of provider.models) {
      const id = `${provider.name},${model}`;
      data.push({ type: "model", id, display_name: `${model} (${provider.name})`, created_at: createdAt });
    }
  }
  return { data, has_more: false, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null };
}
