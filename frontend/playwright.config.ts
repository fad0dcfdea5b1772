import { defineConfig, devices } from "@playwright/test";

// End-to-end tests in real Chromium against the real API (Flask serves the built SPA).
// Build first (`npm run build`, done by `make test-e2e`); this config does not build.
const port = process.env.E2E_PORT ?? "5817";
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL,
    locale: "es-CL",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    ...devices["Desktop Chrome"],
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
    headless: true,
  },
  webServer: {
    command: "bash e2e/serve-backend.sh",
    url: `${baseURL}/api/v1/health`,
    env: { E2E_PORT: port },
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    stdout: "ignore", // the access log
    stderr: "pipe",
  },
});
