import { statSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";

const PASSWORD = "conserje-demo";

async function logIn(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("Correo electrónico").fill(email);
  await page.getByLabel("Contraseña").fill(PASSWORD);
  await page.getByRole("button", { name: "Entrar" }).click();
  await expect(page.getByRole("banner")).toContainText(email);
}

test("the admin posts a fine, finds it in the filtered charges, exports them and reverses it", async ({ page }) => {
  const description = `Ruido E2E-${Date.now().toString(36).toUpperCase()}`;
  const nav = () => page.getByRole("navigation", { name: "Navegación principal" });
  const filters = page.getByRole("search", { name: "Filtros" });
  const charges = page.getByRole("table", { name: "Cargos" });

  await test.step("the admin opens Cargos y pagos from Finanzas", async () => {
    await logIn(page, "admin@demo.conserje.app");
    await nav().getByRole("link", { name: "Finanzas" }).click();
    await page.getByRole("link", { name: "Cargos y pagos" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Cargos y pagos" })).toBeVisible();
    await expect(charges.getByRole("row")).not.toHaveCount(1); // the demo's dues
  });

  await test.step("the admin posts a fine to A-101", async () => {
    const form = page.getByRole("form", { name: "Cursar una multa u otro cargo" });
    await form.getByLabel("Unidad").selectOption({ label: "A-101" });
    await form.getByLabel("Tipo").selectOption("fine");
    await form.getByLabel("Monto").fill("12345");
    await form.getByLabel("Descripción").fill(description);
    await form.getByRole("button", { name: "Cursar cargo" }).click();
    await expect(form.getByRole("status")).toContainText("Cargo cursado a la unidad A-101");
  });

  await test.step("the filters narrow the list to the unit's unpaid fines", async () => {
    await filters.getByLabel("Unidad").selectOption({ label: "A-101" });
    await filters.getByLabel("Tipo").selectOption("fine");
    await filters.getByLabel("Estado").selectOption("unpaid");
    const row = charges.getByRole("row").filter({ hasText: description });
    await expect(row).toContainText("$12.345");
    await expect(row).toContainText("Multa");
    const rows = charges.getByRole("row").filter({ hasNot: page.getByRole("columnheader") });
    for (const text of await rows.allInnerTexts()) expect(text).toContain("A-101");
  });

  await test.step("the filtered charges download as XLSX", async () => {
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Descargar XLSX" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("cargos.xlsx");
    expect(statSync(await file.path()).size).toBeGreaterThan(1000);
  });

  await test.step("the admin reverses the fine with a reason", async () => {
    const row = charges.getByRole("row").filter({ hasText: description });
    await row.getByLabel("Motivo de la anulación").fill("Cursada por error");
    await row.getByRole("button", { name: "Anular" }).click();
    await row.getByRole("button", { name: "Sí, anular" }).click();
    await expect(charges.getByRole("row").filter({ hasText: description })).toHaveCount(0);
    await filters.getByLabel("Estado").selectOption("reversed");
    await expect(charges.getByRole("row").filter({ hasText: description })).toContainText("Anulado");
  });

  await test.step("the delinquency ranking downloads as a PDF report", async () => {
    await nav().getByRole("link", { name: "Finanzas" }).click();
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Descargar PDF" }).click();
    expect((await download).suggestedFilename()).toBe("morosidad.pdf");
  });
});
