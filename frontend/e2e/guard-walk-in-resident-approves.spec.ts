import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, expect, test, type APIRequestContext } from "@playwright/test";
import { apiLogin, datasets, e2eDir, login, python, rut } from "./support";

// UC-101 in real Chromium: the guard registers a walk-in with a photo from the gate's
// (fake) camera, the resident approves from their own browser, the guard's desk shows the
// answer live, and the entry is logged in the access log.

// A face no other spec enrols (recognition would otherwise match it to someone).
const photo = join(datasets, "faces/colin_powell/1.jpg");

test("a guard registers a walk-in with a photo, the resident approves, the entry is logged", async ({ page, baseURL, request }) => {
  test.setTimeout(180_000);
  expect(existsSync(photo), `missing ${photo}`).toBe(true);
  const video = join(test.info().outputDir, "walk-in.y4m");
  mkdirSync(test.info().outputDir, { recursive: true });
  execFileSync(python, [join(e2eDir, "make_fake_camera.py"), photo, video]);
  const stamp = Date.now() % 10_000_000;
  const lastName = `Visita${stamp.toString(36)}`;

  const guardBrowser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--use-fake-ui-for-media-stream",
      "--use-fake-device-for-media-stream", `--use-file-for-fake-video-capture=${video}`],
  });
  try {
    const context = await guardBrowser.newContext({ baseURL, locale: "es-CL", viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(["camera"], { origin: baseURL! });
    const guard = await context.newPage();
    const form = guard.getByRole("form", { name: "Visita sin registro previo" });

    await test.step("the guard takes the photo and registers the visitor for A-101", async () => {
      await login(guard, "guardia@demo.conserje.app");
      await guard.getByRole("link", { name: "Visitas en portería" }).click();
      await expect(guard.getByRole("status").filter({ hasText: "En vivo" })).toBeVisible();
      const take = form.getByRole("button", { name: "Tomar foto" });
      await expect(take).toBeEnabled({ timeout: 20_000 });
      await take.click();
      await expect(form.getByRole("img", { name: "Foto del visitante" })).toBeVisible();
      await form.getByLabel("Unidad").selectOption({ label: "A-101" });
      await form.getByLabel("Nombre").fill("Marta");
      await form.getByLabel("Apellido").fill(lastName);
      await form.getByLabel("Número de documento").fill(rut(10_000_000 + stamp));
      await form.getByRole("button", { name: "Consultar al residente" }).click();
      await expect(form.getByRole("status", { name: "Respuesta del residente" }))
        .toContainText("Esperando respuesta");
    });

    await test.step("the resident sees the photo and approves from the app", async () => {
      await login(page, "residente@demo.conserje.app");
      await page.getByRole("link", { name: "Mis visitas" }).click();
      const card = page.getByRole("listitem", { name: `Marta ${lastName}` });
      await expect(card).toBeVisible();
      await expect(card.getByRole("img", { name: `Marta ${lastName}` })).toBeVisible();
      await card.getByRole("button", { name: "Autorizar" }).click();
      await expect(card).toHaveCount(0);
    });

    await test.step("the guard's desk shows the approval live and records the entry", async () => {
      const answer = form.getByRole("status", { name: "Respuesta del residente" });
      await expect(answer).toContainText("Autorizada");
      await answer.getByRole("button", { name: "Registrar entrada" }).click();
      await expect(answer).toContainText("Entrada registrada");
      await expect(guard.getByRole("list", { name: "Visitas dentro" })).toContainText(`Marta ${lastName}`);
      await guard.screenshot({ path: join(test.info().outputDir, "visitor-desk.png") });
    });

    await test.step("the entry is in the access log with the photo", async () => {
      const headers = await apiLogin(request, "guardia@demo.conserje.app");
      const events = await (await request.get("/api/v1/access-events?method=document", { headers })).json();
      const entry = events.find((e: { person_name: string }) => e.person_name === `Marta ${lastName}`);
      expect(entry).toMatchObject({ decision: "granted", direction: "entry", has_snapshot: true });
    });
  } finally {
    await guardBrowser.close();
  }
});

/** The resident pre-registers a visitor; the pass's QR becomes a fake camera video. */
async function passOnCamera(request: APIRequestContext, name: string, offset: number): Promise<string> {
  const resident = await apiLogin(request, "residente@demo.conserje.app");
  const units = await (await request.get("/api/v1/units", { headers: resident })).json();
  const created = await request.post("/api/v1/visits", { headers: resident, data: {
    unit_id: units[0].id, kind: "single",
    visitor: { first_name: "Qr", last_name: name, doc_type: "rut",
      doc_number: rut(offset + (Date.now() % 10_000_000)) } } });
  expect(created.status()).toBe(201);
  const visit = await created.json();
  const png = await request.get(visit.pass.png_url, { headers: resident });
  mkdirSync(test.info().outputDir, { recursive: true });
  const pngPath = join(test.info().outputDir, `${name}.png`);
  writeFileSync(pngPath, await png.body());
  const video = join(test.info().outputDir, `${name}.y4m`);
  execFileSync(python, [join(e2eDir, "make_fake_camera.py"), "--qr", pngPath, video]);
  return video;
}

test("the guard's scanner reads a pre-registered visitor's QR pass from the camera", async ({ request, baseURL }) => {
  test.setTimeout(120_000);
  const stamp = Date.now() % 10_000_000;
  const video = await passOnCamera(request, `Pase${stamp.toString(36)}`, 20_000_000);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--use-fake-ui-for-media-stream",
      "--use-fake-device-for-media-stream", `--use-file-for-fake-video-capture=${video}`],
  });
  try {
    const context = await browser.newContext({ baseURL, locale: "es-CL", viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(["camera"], { origin: baseURL! });
    const guard = await context.newPage();
    await login(guard, "guardia@demo.conserje.app");
    await guard.getByRole("link", { name: "Visitas en portería" }).click();
    const scanner = guard.getByRole("region", { name: "Lector de QR" });
    await scanner.getByRole("button", { name: "Escanear con la cámara" }).click();
    const result = scanner.getByRole("status");
    await expect(result).toContainText("pase válido", { timeout: 30_000 });
    await expect(result).toContainText(`Qr Pase${stamp.toString(36)}`);
    await expect(guard.getByRole("list", { name: "Visitas dentro" })).toContainText(`Qr Pase${stamp.toString(36)}`);
  } finally {
    await browser.close();
  }
});

test("the gate kiosk reads a visitor's QR pass in QR mode", async ({ request, baseURL }) => {
  test.setTimeout(120_000);
  const name = `Kiosco${(Date.now() % 10_000_000).toString(36)}`;
  const video = await passOnCamera(request, name, 30_000_000);
  const admin = await apiLogin(request, "admin@demo.conserje.app");
  const gate = (await (await request.get("/api/v1/gates", { headers: admin })).json())[0];
  const device = await request.post(`/api/v1/gates/${gate.id}/devices`, { headers: admin, data: { name } });
  const { token } = await device.json();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--use-fake-ui-for-media-stream",
      "--use-fake-device-for-media-stream", `--use-file-for-fake-video-capture=${video}`],
  });
  try {
    const context = await browser.newContext({ baseURL, locale: "es-CL", viewport: { width: 1024, height: 768 } });
    await context.grantPermissions(["camera"], { origin: baseURL! });
    const kiosk = await context.newPage();
    await kiosk.goto(`/kiosk#gate=${gate.id}&token=${encodeURIComponent(token)}`);
    await kiosk.getByRole("button", { name: "Tengo un código QR" }).click();
    await expect(kiosk.getByText(`Bienvenido/a, Qr ${name}`)).toBeVisible({ timeout: 30_000 });
  } finally {
    await browser.close();
  }
});

test("the administration sees the visitor KPIs with charts", async ({ page }) => {
  await login(page, "admin@demo.conserje.app");
  await page.getByRole("link", { name: "Indicadores de visitas" }).click();
  const unique = page.getByRole("definition").first();
  await expect(unique).not.toHaveText("0");
  for (const chart of ["Entradas por día", "Entradas por hora", "Método de identificación"]) {
    await expect(page.getByRole("img", { name: chart })).toBeVisible();
  }
  await page.screenshot({ path: join(test.info().outputDir, "visitor-kpis.png"), fullPage: true });
});
