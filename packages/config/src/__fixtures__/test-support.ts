import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ConfigError } from "../issues/config-error.js";

export const readFixture = (name: string) => readFileSync(join(__dirname, name), "utf8");

/** The ConfigError `run` throws; fails the test when it throws nothing or something else. */
export function catchConfigError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (ConfigError.isInstance(error)) return error;
    throw error;
  }
  throw new Error("expected a ConfigError, nothing was thrown");
}
