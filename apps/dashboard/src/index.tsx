import { render } from "ink";
import { App } from "./app.js";

export interface DashboardOptions {
  /** The proxy's base URL, e.g. `http://127.0.0.1:3456`. */
  readonly url: string;
  /** The proxy's APIKEY, when it has one. */
  readonly apiKey?: string;
}

/** Runs the dashboard in this terminal until the user quits (q or Esc). */
export async function runDashboard(options: DashboardOptions): Promise<void> {
  const instance = render(<App url={options.url.replace(/\/+$/, "")} apiKey={options.apiKey} />, {
    exitOnCtrlC: true,
  });
  await instance.waitUntilExit();
}
