import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";

// The shared test images live next to the repository: <repo>/../shared/datasets.
const here = fileURLToPath(new URL(".", import.meta.url));
const datasets = process.env.CONSERJE_DATASETS_DIR ?? resolve(here, "../../../shared/datasets");
const photos = [
  join(datasets, "faces/obama/1.jpg"),
  join(datasets, "faces/obama/2.jpg"),
  join(datasets, "faces_misc/noface_darknet_eagle.jpg"),
];

test("admin enrols a person's faces and sees the quality of each photo", async ({ page }) => {
  // The shared photos are part of the test environment: missing ones are a failure.
  expect(photos.filter((p) => !existsSync(p)), `images missing under ${datasets}`).toEqual([]);
  const nav = page.getByRole("navigation", { name: "Navegación principal" });
  let name = "";

  await test.step("log in as the demo admin", async () => {
    await page.goto("/login");
    await page.getByLabel("Correo electrónico").fill("admin@demo.conserje.app");
    await page.getByLabel("Contraseña").fill("conserje-demo");
    await page.getByRole("button", { name: "Entrar" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Unidades" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Datasets de rostros" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Modelos faciales" })).toBeVisible();
  });

  await test.step("open a demo person", async () => {
    await nav.getByRole("link", { name: "Personas" }).click();
    const first = page.getByRole("table", { name: "Personas" }).getByRole("link").first();
    name = (await first.textContent())?.trim() ?? "";
    expect(name).not.toBe("");
    await first.click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  });

  const faces = page.getByRole("region", { name: "Rostros" });

  await test.step("record the person's consent", async () => {
    await expect(faces.getByText("Aún no hay rostros registrados.")).toBeVisible();
    await faces.getByRole("button", { name: "Registrar consentimiento" }).click();
    await expect(faces.getByText(/^Consentimiento registrado \(versión 2026-11/)).toBeVisible();
    await expect(faces.getByRole("button", { name: "Registrar consentimiento" })).toHaveCount(0);
    await expect(faces.getByRole("button", { name: /Revocar consentimiento/ })).toBeVisible();
  });

  await test.step("upload two photos of a face and one without a face", async () => {
    await faces.getByLabel("Fotos del rostro").setInputFiles(photos);
    await faces.getByRole("button", { name: "Subir fotos" }).click();
    const results = faces.getByRole("table", { name: "Resultado por foto" });
    await expect(results.getByRole("row")).toHaveCount(4); // header + 3 photos
    await expect(faces.getByText("2 aceptadas · 1 rechazada")).toBeVisible();
    await expect(results.getByRole("row", { name: /1\.jpg/ })).toContainText("Aceptada");
    await expect(results.getByRole("row", { name: /2\.jpg/ })).toContainText("Aceptada");
    const noFace = results.getByRole("row", { name: /noface_darknet_eagle\.jpg/ });
    await expect(noFace).toContainText("Rechazada");
    await expect(noFace).toContainText("sin rostro");
  });

  await test.step("see the two enrolled faces, with their quality", async () => {
    await expect(faces.getByRole("heading", { name: "2 rostros registrados" })).toBeVisible();
    const grid = faces.getByRole("list", { name: "Rostros registrados" });
    await expect(grid.getByRole("listitem")).toHaveCount(2);
    for (const n of [1, 2]) {
      const img = grid.getByRole("img", { name: `Foto ${n} de ${name}` });
      await expect(img).toBeVisible();
      // Fetched with the bearer token and shown from a blob: URL.
      await expect(img).toHaveAttribute("src", /^blob:/);
      await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
    }
    await expect(grid.getByText("Calidad OK")).toHaveCount(2);
    await page.screenshot({ path: join(test.info().project.testDir, "artifacts", "person-faces.png"), fullPage: true });
  });

  await test.step("see version 1 of the face model, active", async () => {
    await nav.getByRole("link", { name: "Modelos faciales" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Modelos faciales" })).toBeVisible();
    const row = page.getByRole("table", { name: "Modelos faciales" }).getByRole("row", { name: /^v1\b/ });
    await expect(row).toContainText("Dlib");
    await expect(row).toContainText("Activa");
    await page.screenshot({ path: join(test.info().project.testDir, "artifacts", "face-models.png"), fullPage: true });
  });

  await test.step("choose a YOLO detector file and refuse a dataset that is not a zip", async () => {
    const retrain = page.getByRole("form", { name: "Reentrenar" });
    await retrain.getByLabel("Detector", { exact: true }).selectOption("yolo");
    await expect(retrain.getByLabel("Archivo del detector")).toHaveValue("");
    const finetune = page.getByRole("form", { name: "Ajustar el detector de rostros (YOLO)" });
    await expect(finetune.getByText("Aún no hay detectores entrenados.")).toBeVisible();
    await finetune.getByLabel("Conjunto de datos (zip)").setInputFiles(photos[0]);
    await finetune.getByRole("button", { name: "Entrenar detector" }).click();
    await expect(finetune.getByText("El archivo no es un zip.")).toBeVisible();
  });
});
