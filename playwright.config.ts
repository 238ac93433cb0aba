import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// The end-to-end tests run the app the way a new user does (`npm start`: migrate, load the demo, `next start`) on an
// embedded database of their own, so they never touch a developer's .data folder.
const port = Number(process.env.E2E_PORT ?? 3210);
const dataDir = path.join(tmpdir(), `accordwatch-e2e-${port}`);
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: chromium,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
          ],
        },
      },
    },
  ],
  webServer: {
    command: `rm -rf "${dataDir}" && node --import tsx scripts/start.ts --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    // The server's `request` lines would drown the test report: warnings and errors only (README, "Logs").
    env: { ACCORDWATCH_DATA: dataDir, LOG_LEVEL: process.env.LOG_LEVEL ?? "warn" },
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
