import { expect, test } from "@playwright/test";

// A bad CSV imports nothing and lists its errors by line; the corrected file imports all.
test("admin imports units from CSV, fixing a rejected file", async ({ page }) => {
  const suffix = Date.now().toString(36).slice(-5).toUpperCase();
  const codes = [`CSV-${suffix}-1`, `CSV-${suffix}-2`];

  await page.goto("/login");
  await page.getByLabel("Correo electrónico").fill("admin@demo.conserje.app");
  await page.getByLabel("Contraseña").fill("conserje-demo");
  await page.getByRole("button", { name: "Entrar" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Unidades" })).toBeVisible();

  await page.getByText("Importar unidades desde CSV").click();
  const upload = async (text: string) => {
    await page.getByLabel("Archivo CSV").setInputFiles({
      name: "unidades.csv", mimeType: "text/csv", buffer: Buffer.from(text, "utf-8"),
    });
    await page.getByRole("button", { name: "Importar", exact: true }).click();
  };

  await test.step("a file with a bad row imports nothing", async () => {
    await upload(`code;building;floor\n${codes[0]};Torre C;1\n${codes[1]};Torre C;primero\n`);
    await expect(page.getByText("No se importó nada")).toBeVisible();
    const errors = page.getByRole("table", { name: "Errores por fila" });
    await expect(errors.getByRole("row")).toHaveCount(2); // header + line 3
    await expect(errors).toContainText("floor");
    await expect(errors.getByRole("cell", { name: "3", exact: true })).toBeVisible();
    await page.getByRole("searchbox", { name: "Buscar por código" }).fill(`CSV-${suffix}`);
    await expect(page.getByText(`Nada coincide con «CSV-${suffix}»`)).toBeVisible();
  });

  await test.step("the corrected file imports every row", async () => {
    await upload(`code;building;floor\n${codes[0]};Torre C;1\n${codes[1]};Torre C;2\n`);
    await expect(page.getByText("Se importaron 2 filas.")).toBeVisible();
    await page.getByRole("searchbox", { name: "Buscar por código" }).fill(`CSV-${suffix}-2`);
    const table = page.getByRole("table", { name: "Unidades" });
    await expect(table.getByRole("link", { name: codes[1] })).toBeVisible();
    await expect(table).toContainText("Torre C");
  });
});
