import { shortHash } from "../short-hash.js";

/** OpenAI answers 400 "Invalid 'user': string too long" above this. */
export const MAX_OPENAI_USER_LENGTH = 64;

/**
 * Anthropic `metadata.user_id` → OpenAI `user`. Claude Code sends a JSON
 * object as a string of about 150 characters (device, account and session
 * ids), more than OpenAI accepts, so a long id becomes a stable digest of
 * itself: the same conversation keeps the same `user`, and nothing of the
 * original is sent.
 */
export function toOpenAIUser(userId: string): string {
  if (userId.length <= MAX_OPENAI_USER_LENGTH) return userId;
  // Two differently seeded 53-bit hashes: collisions between users stay out of reach.
  return `user_${shortHash(userId, 11)}${shortHash(`${userId}\u0000`, 11)}`;
}
