/**
 * Tests that need Redis read REDIS_URL. Under CI (SEALGATE_REQUIRE_REDIS=1) a missing Redis is a
 * failure, never a skip; on a developer machine without REDIS_URL the suite is skipped.
 */
export const REDIS_URL = process.env.REDIS_URL;
export const REQUIRE_REDIS = process.env.SEALGATE_REQUIRE_REDIS === '1' || process.env.CI === 'true';

/** `describe.runIf(redisEnabled)` plus a failing guard when Redis is required but absent. */
export const redisEnabled = Boolean(REDIS_URL) || REQUIRE_REDIS;

export function requireRedisUrl(): string {
  if (!REDIS_URL) throw new Error('REDIS_URL is not set but Redis-backed tests are required (CI)');
  return REDIS_URL;
}
