/**
 * fast-check run parameters for property tests that double as a fuzz
 * campaign: in the suite, a fixed seed and `defaultRuns` (fast, and a
 * failure reproduces); with FUZZ_RUNS set (`pnpm fuzz`), that many runs from
 * a fresh seed each time, unless FUZZ_SEED pins one. fast-check prints the
 * seed and path of any failure.
 */
export function fuzzParameters(defaultRuns: number, suiteSeed = 13): { numRuns: number; seed: number } {
  const runs = Number(process.env.FUZZ_RUNS);
  const seed = Number(process.env.FUZZ_SEED);
  const campaign = Number.isInteger(runs) && runs > 0;
  return {
    numRuns: campaign ? runs : defaultRuns,
    seed: Number.isInteger(seed) ? seed : campaign ? Math.floor(Math.random() * 2 ** 31) : suiteSeed,
  };
}

/** A test timeout for such a test: `suiteMs` in the suite, none to speak of during a campaign. */
export function fuzzTimeoutMs(suiteMs = 60_000): number {
  return Number(process.env.FUZZ_RUNS) > 0 ? 24 * 3600_000 : suiteMs;
}
