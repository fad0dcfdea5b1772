import { join } from "node:path";
import { expect, test } from "@playwright/test";

const ADMIN_EMAIL = "admin@demo.conserje.app";
const ADMIN_PASSWORD = "conserje-demo";

/** A valid Chilean RUT (modulo-11 check digit), formatted like 12.345.678-5. */
function rut(body: number): string {
  const digits = String(body);
  let sum = 0;
  let factor = 2;
  for (let i = digits.length - 1; i >= 0; i--) {
    sum += Number(digits[i]) * factor;
    factor = factor === 7 ? 2 : factor + 1;
  }
  const rest = 11 - (sum % 11);
  const check = rest === 11 ? "0" : rest === 10 ? "K" : String(rest);
  return `${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".")}-${check}`;
}

/** The same RUT with a wrong check digit. */
function wrongRut(valid: string): string {
  const check = valid.slice(-1);
  return valid.slice(0, -1) + (check === "1" ? "2" : "1");
}

test("admin creates a unit and a resident linked to it, and finds both", async ({ page }) => {
  // Unique per run: the test may run twice against the same (PostgreSQL) database.
  const suffix = Date.now().toString(36).slice(-6).toUpperCase();
  const unitCode = `E2E-${suffix}`;
  const firstName = "Ana";
  const lastName = `Rivas ${suffix}`;
  const document = rut(10_000_000 + (Date.now() % 14_000_000));

  await test.step("log in as the demo admin", async () => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/login$/);
    await page.getByLabel("Correo electrónico").fill(ADMIN_EMAIL);
    await page.getByLabel("Contraseña").fill(ADMIN_PASSWORD);
    await page.getByRole("button", { name: "Entrar" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Unidades" })).toBeVisible();
    await expect(page.getByRole("banner")).toContainText(ADMIN_EMAIL);
    const nav = page.getByRole("navigation", { name: "Navegación principal" });
    for (const entry of ["Unidades", "Personas", "Usuarios", "Vehículos", "Accesos"]) {
      await expect(nav.getByRole("link", { name: entry })).toBeVisible();
    }
  });

  await test.step("create a unit", async () => {
    await page.getByRole("link", { name: "Nueva unidad" }).click();
    await page.getByLabel("Código").fill(unitCode);
    await page.getByLabel("Piso").fill("3");
    await page.getByLabel("Superficie (m²)").fill("72.5");
    await page.getByRole("button", { name: "Crear" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Unidad ${unitCode}` })).toBeVisible();
    await expect(page.getByRole("status")).toContainText(`Unidad ${unitCode} creada.`);
  });

  await test.step("create a resident (owner) linked to the unit", async () => {
    await page.getByRole("navigation", { name: "Navegación principal" }).getByRole("link", { name: "Personas" }).click();
    await page.getByRole("link", { name: "Nueva persona" }).click();
    await page.getByLabel("Nombres").fill(firstName);
    await page.getByLabel("Apellidos").fill(lastName);
    await page.getByLabel("Tipo de documento").selectOption({ label: "RUT" });
    await page.getByLabel("Tipo", { exact: true }).selectOption({ label: "Propietario" });
    await page.getByLabel("Correo electrónico").fill(`ana.${suffix.toLowerCase()}@example.com`);
    await page.getByRole("searchbox", { name: "Buscar unidad" }).fill(unitCode);
    await page.getByLabel("Unidad", { exact: true }).selectOption({ label: unitCode });
    await expect(page.getByLabel("Relación")).toHaveValue("owner");

    // The server checks the RUT: a wrong check digit is shown next to the field.
    const docNumber = page.getByLabel("Número de documento");
    await docNumber.fill(wrongRut(document));
    await page.getByRole("button", { name: "Crear" }).click();
    await expect(page.getByRole("alert")).toContainText("Revisa los campos marcados.");
    await expect(docNumber).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("RUT check digit does not match")).toBeVisible();

    await docNumber.fill(document);
    await page.getByRole("button", { name: "Crear" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `${firstName} ${lastName}` })).toBeVisible();
    await expect(page.getByRole("status")).toContainText(`Se registró a ${firstName} ${lastName}.`);
    const units = page.getByRole("region", { name: "Unidades" });
    await expect(units.getByRole("link", { name: unitCode })).toBeVisible();
    await expect(units.getByRole("cell", { name: "Propietario" })).toBeVisible();
  });

  await test.step("find the resident in the people list", async () => {
    await page.getByRole("navigation", { name: "Navegación principal" }).getByRole("link", { name: "Personas" }).click();
    await page.getByRole("searchbox", { name: "Buscar por nombre o documento" }).fill(lastName);
    const table = page.getByRole("table", { name: "Personas" });
    await expect(table.getByRole("row")).toHaveCount(2); // header + the one match
    await expect(table.getByRole("link", { name: `${firstName} ${lastName}` })).toBeVisible();
    await expect(table).toContainText("Propietario");
  });

  await test.step("find the unit in the units list, with its resident", async () => {
    await page.getByRole("navigation", { name: "Navegación principal" }).getByRole("link", { name: "Unidades" }).click();
    await page.getByRole("searchbox", { name: "Buscar por código" }).fill(unitCode);
    const table = page.getByRole("table", { name: "Unidades" });
    await expect(table.getByRole("row")).toHaveCount(2);
    await expect(table.getByRole("link", { name: unitCode })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`q=${unitCode}`));
    await page.screenshot({ path: join(test.info().project.testDir, "artifacts", "admin-units.png"), fullPage: true });

    await table.getByRole("link", { name: unitCode }).click();
    const residents = page.getByRole("region", { name: "Residentes" });
    await expect(residents.getByRole("link", { name: `${firstName} ${lastName}` })).toBeVisible();
  });

  await test.step("the whole demo list (the README's screenshot)", async () => {
    await page.getByRole("navigation", { name: "Navegación principal" }).getByRole("link", { name: "Unidades" }).click();
    const table = page.getByRole("table", { name: "Unidades" });
    await expect(table.getByRole("link", { name: "A-101" })).toBeVisible();
    await page.screenshot({ path: join(test.info().project.testDir, "artifacts", "admin-units-list.png"), fullPage: true });
  });
});
