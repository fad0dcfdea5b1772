import { expect, test, type Page } from "@playwright/test";

const PASSWORD = "conserje-demo";
// A tiny but real PDF: the server checks the file's bytes, not its name.
const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

async function logIn(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("Correo electrónico").fill(email);
  await page.getByLabel("Contraseña").fill(PASSWORD);
  await page.getByRole("button", { name: "Entrar" }).click();
  await expect(page.getByRole("banner")).toContainText(email);
}

async function logOut(page: Page) {
  await page.getByRole("button", { name: "Cerrar sesión" }).click();
  await expect(page).toHaveURL(/\/login$/);
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

test("a resident reports a bank transfer with its proof and the admin approves it", async ({ page }) => {
  const reference = `E2E-${Date.now().toString(36).toUpperCase()}`;
  const nav = () => page.getByRole("navigation", { name: "Navegación principal" });

  await test.step("the resident sees their account and reports a transfer", async () => {
    await logIn(page, "residente@demo.conserje.app");
    await nav().getByRole("link", { name: "Mis pagos" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Mis pagos" })).toBeVisible();
    const account = page.getByRole("region", { name: "Unidad A-101" });
    await expect(account.getByRole("table", { name: "Pagos" })).toBeVisible();
    await account.getByLabel("Monto").fill("1000");
    await account.getByLabel("Fecha de pago").fill(today());
    await account.getByLabel("Referencia").fill(reference);
    await account.getByLabel("Comprobante (PDF o imagen)")
      .setInputFiles({ name: "comprobante.pdf", mimeType: "application/pdf", buffer: PDF });
    await account.getByRole("button", { name: "Enviar" }).click();
    await expect(account.getByRole("status")).toContainText("Transferencia informada");
    await logOut(page);
  });

  await test.step("the admin approves it from the transfers to review", async () => {
    await logIn(page, "admin@demo.conserje.app");
    await nav().getByRole("link", { name: "Finanzas" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Morosidad", exact: true })).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: reference });
    await expect(row).toContainText("A-101");
    await row.getByRole("button", { name: "Aprobar" }).click();
    await expect(page.getByRole("row").filter({ hasText: reference })).toHaveCount(0);
  });

  await test.step("the admin changes the late fee and adds a fine to the catalogue", async () => {
    await page.getByRole("link", { name: "Configuración" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Configuración de finanzas" })).toBeVisible();
    await page.getByLabel("Recargo por atraso").fill("3000");
    await page.getByRole("button", { name: "Guardar cambios" }).click();
    await expect(page.getByRole("status")).toContainText("Cambios guardados.");
    await page.getByLabel("Recargo por atraso").fill("30.5");
    await page.getByRole("button", { name: "Guardar cambios" }).click();
    await expect(page.getByRole("alert")).toBeVisible(); // CLP has no cents
    const fine = `Basura ${reference}`;
    const catalogue = page.getByRole("region", { name: "Catálogo de multas y cargos" });
    await catalogue.getByLabel("Tipo").selectOption("fine");
    await catalogue.getByLabel("Nombre").fill(fine);
    await catalogue.getByLabel("Monto").fill("12000");
    await catalogue.getByRole("button", { name: "Agregar al catálogo" }).click();
    const row = catalogue.getByRole("row").filter({ hasText: fine });
    await expect(row).toContainText("$12.000");
    await expect(row).toContainText("Multa");
  });

  await test.step("the admin records an expense with its invoice and sees income vs expenses", async () => {
    await nav().getByRole("link", { name: "Finanzas" }).click();
    await page.getByRole("link", { name: "Ingresos y egresos" }).click();
    const byMonth = page.getByRole("table", { name: "Por mes" });
    await expect(byMonth.getByRole("row")).not.toHaveCount(1); // the demo's two years
    const chart = page.getByRole("img", { name: "Ingresos y egresos por mes" });
    await expect(chart.locator("rect.series-0")).not.toHaveCount(0);
    await expect(chart.locator("rect.series-1")).not.toHaveCount(0);
    const supplier = `Jardines ${reference}`;
    await page.getByLabel("Proveedor").fill(supplier);
    await page.getByLabel("Categoría").fill("jardinería");
    await page.getByLabel("Monto").fill("45000");
    await page.getByLabel("Factura").setInputFiles({ name: "factura.pdf", mimeType: "application/pdf", buffer: PDF });
    await page.getByRole("button", { name: "Registrar", exact: true }).click();
    const row = page.getByRole("table", { name: "Gastos" }).getByRole("row").filter({ hasText: supplier });
    await expect(row).toContainText("$45.000");
    await expect(row.getByRole("button", { name: "Factura" })).toBeVisible();
    await logOut(page);
  });

  await test.step("the resident now has the payment, with a downloadable receipt", async () => {
    await logIn(page, "residente@demo.conserje.app");
    await nav().getByRole("link", { name: "Mis pagos" }).click();
    const payments = page.getByRole("region", { name: "Unidad A-101" }).getByRole("table", { name: "Pagos" });
    const first = payments.getByRole("row").nth(1);
    await expect(first).toContainText("Transferencia");
    await expect(first).toContainText("1.000");
    const download = page.waitForEvent("download");
    await first.getByRole("button", { name: "Comprobante" }).click();
    expect((await download).suggestedFilename()).toMatch(/^comprobante-.+\.pdf$/);
  });
});
