import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { apiLogin, login, python, repoRoot, rut } from "./support";

// Seed 003 in real Chromium: the resident pre-registers a visitor with a photo (file or
// camera); the guard console shows the visitor's entry live; the photo is there to compare.


test("a resident pre-registers with a photo; the guard console shows the entry live", async ({ page, browser, request }) => {
  test.setTimeout(120_000);
  mkdirSync(test.info().outputDir, { recursive: true });
  const photo = join(test.info().outputDir, "visitor.jpg");
  // A 640x480 frame with one frontal face (the rules of the gate's photos).
  execFileSync(python, ["-c", "import sys; sys.path.insert(0, '.'); from tests.frames import "
    + "FACES, gate_frame, jpeg; open(sys.argv[1], 'wb').write(jpeg(gate_frame(FACES / 'biden' / '1.jpg')))",
  photo], { cwd: repoRoot });
  const stamp = Date.now() % 10_000_000;
  const lastName = `Foto${stamp.toString(36)}`;

  const guardContext = await browser.newContext({ locale: "es-CL", viewport: { width: 1280, height: 900 } });
  const guard = await guardContext.newPage();
  await login(guard, "guardia@demo.conserje.app");
  await guard.getByRole("navigation", { name: "Navegación principal" })
    .getByRole("link", { name: "Consola de guardia" }).click();
  await expect(guard.getByText("En vivo", { exact: true })).toBeVisible();

  await login(page, "residente@demo.conserje.app");
  await page.getByRole("link", { name: "Mis visitas" }).click();
  const form = page.getByRole("form", { name: "Nueva visita" });
  await form.getByLabel("Nombre").fill("Rosa");
  await form.getByLabel("Apellido").fill(lastName);
  await form.getByLabel("Número de documento").fill(rut(40_000_000 + stamp));
  await form.getByLabel("Foto del visitante (archivo o cámara)").setInputFiles(photo);
  await form.getByRole("button", { name: /QR/ }).click();
  const card = page.getByRole("region", { name: "Pase QR" });
  // The photo is checked by the face models (a cold server loads them first).
  await expect(card.getByRole("img", { name: `Rosa ${lastName}` })).toHaveAttribute("src", /^blob:/,
    { timeout: 45_000 });
  await expect(card).toContainText("No se envió al visitante");

  // The guard scans the pass (by API here; the camera scanner has its own spec).
  const headers = await apiLogin(request, "guardia@demo.conserje.app");
  const [found] = await (await request.get(`/api/v1/visits?q=${lastName}`, { headers })).json();
  const visit = await (await request.get(`/api/v1/visits/${found.id}`, { headers })).json();
  const gates = await (await request.get("/api/v1/gates", { headers })).json();
  const scan = await (await request.post(`/api/v1/gates/${gates[0].id}/qr-scans`, {
    headers, data: { payload: visit.pass.qr_payload } })).json();
  expect(scan).toMatchObject({ decision: "granted", visit: { has_photo: true } });

  const live = guard.getByRole("list", { name: "Visitantes en vivo" });
  const row = live.getByRole("listitem").filter({ hasText: `Rosa ${lastName}` }).first();
  await expect(row).toContainText("Dentro");
  await expect(row.getByRole("img", { name: `Rosa ${lastName}` })).toHaveAttribute("src", /^blob:/);
  await guard.screenshot({ path: join(test.info().outputDir, "guard-console-visit.png"), fullPage: true });
  await guardContext.close();
});
