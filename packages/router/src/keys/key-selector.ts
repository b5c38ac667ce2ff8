/**
 * Smooth weighted round-robin (nginx's upstream balancing): each pick adds every candidate's weight to
 * its credit, takes the candidate with the most credit and takes the total back from it. Keys of equal
 * weight alternate (A, B, A, B); a key of half the weight gets every third turn, spread out rather than
 * in bursts. Credits live in this process only: each replica spreads its own requests.
 */
export class KeySelector {
  readonly #credit = new Map<string, number>();

  pick<T extends { readonly id: string; readonly weight: number }>(candidates: readonly T[]): T | undefined {
    let total = 0;
    let best: T | undefined;
    let bestCredit = Number.NEGATIVE_INFINITY;
    for (const candidate of candidates) {
      const credit = (this.#credit.get(candidate.id) ?? 0) + candidate.weight;
      this.#credit.set(candidate.id, credit);
      total += candidate.weight;
      if (credit > bestCredit) {
        best = candidate;
        bestCredit = credit;
      }
    }
    if (best) this.#credit.set(best.id, bestCredit - total);
    return best;
  }
}
