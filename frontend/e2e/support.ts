import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, type APIRequestContext, type Page } from "@playwright/test";

// What several specs share: where things are, the demo password, logging in, and
// valid document numbers.
const here = fileURLToPath(new URL(".", import.meta.url));
export const e2eDir = here;
export const repoRoot = resolve(here, "../..");
export const datasets = process.env.CONSERJE_DATASETS_DIR ?? resolve(repoRoot, "../shared/datasets");
export const python = resolve(repoRoot, ".venv/bin/python");
export const PASSWORD = "conserje-demo";

/** A valid Chilean RUT for a number (check digit by the modulo-11 rule). */
export function rut(body: number): string {
  let total = 0;
  let factor = 2;
  for (const digit of String(body).split("").reverse()) {
    total += Number(digit) * factor;
    factor = factor === 7 ? 2 : factor + 1;
  }
  const rest = 11 - (total % 11);
  return `${body}-${rest === 11 ? "0" : rest === 10 ? "K" : rest}`;
}

/** Log in through the login page as a demo user (they all share the demo password). */
export async function login(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("Correo electrónico").fill(email);
  await page.getByLabel("Contraseña").fill(PASSWORD);
  await page.getByRole("button", { name: "Entrar" }).click();
  await expect(page.getByRole("navigation", { name: "Navegación principal" })).toBeVisible();
}

/** Bearer headers for a demo user, logged in through the API. */
export async function apiLogin(request: APIRequestContext, email: string): Promise<Record<string, string>> {
  const res = await request.post("/api/v1/auth/login", { data: { email, password: PASSWORD } });
  expect(res.ok()).toBe(true);
  return { Authorization: `Bearer ${(await res.json()).access_token}` };
}
