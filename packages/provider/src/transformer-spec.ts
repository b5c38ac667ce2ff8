/** A transformer by registry name, with its options: the same shape as an entry of `transformer.use`. */
export interface TransformerSpec {
  readonly name: string;
  readonly options?: Readonly<Record<string, unknown>>;
}
