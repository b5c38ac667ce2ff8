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

export interface OpenAIModelInfo {
  id: string;
  object: "model";
  /** Unix seconds. */
  created: number;
  owned_by: string;
}

export interface OpenAIModelList {
  object: "list";
  data: OpenAIModelInfo[];
}

/** Every configured model as `provider,model`, the id any client can send as its model to go to it directly. */
function configuredModels(config: CcrConfig): { id: string; provider: string; model: string }[] {
  const models: { id: string; provider: string; model: string }[] = [];
  for (const provider of Object.values(config.providers))
    for (const model of provider.models)
      models.push({ id: `${provider.name},${model}`, provider: provider.name, model });
  return models;
}

/** Every configured model as Anthropic's `/v1/models` lists them; ids are `provider,model` so `/model` can use them. */
export function modelList(config: CcrConfig, startedAt: number): AnthropicModelList {
  const createdAt = new Date(startedAt).toISOString();
  const data: AnthropicModelInfo[] = configuredModels(config).map(({ id, provider, model }) => ({
    type: "model",
    id,
    display_name: `${model} (${provider})`,
    created_at: createdAt,
  }));
  return { data, has_more: false, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null };
}

/** The same models as OpenAI's `/v1/models` lists them, for OpenAI clients (Codex, the `openai` SDK). */
export function openAIModelList(config: CcrConfig, startedAt: number): OpenAIModelList {
  const created = Math.floor(startedAt / 1000);
  return {
    object: "list",
    data: configuredModels(config).map(({ id, provider }) => ({
      id,
      object: "model",
      created,
      owned_by: provider,
    })),
  };
}
