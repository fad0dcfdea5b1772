import { describe, expect, it } from "vitest";
import {
  can, canActivateFaceModels, canFinetuneDetectors, canListBuildings, canManageFaces, canManageGateDevices,
  canManageMemberships, canPostCharges, homePathFor, manages, navItemsFor,
} from "./permissions";

// What the server lists in `GET /auth/me` for the demo's roles (one condominium each).
const RESIDENT = ["units.read", "vehicles.read", "vehicles.write", "faces.consent", "visitors.own",
  "finance.own"];
const GUARD = ["directory.read", "people.read", "vehicles.read", "gates.read", "access.monitor",
  "access.operate", "faces.identify", "visitors.desk", "visitors.settings.read"];
const MANAGER = ["units.read", "units.manage", "directory.read", "people.read", "people.manage",
  "memberships.manage", "vehicles.read", "vehicles.write", "gates.read", "gates.manage", "users.read",
  "audit.read", "jobs.read_all", "access.monitor", "access.operate", "faces.manage", "faces.identify",
  "faces.consent", "visitors.desk", "visitors.manage", "visitors.block_global", "visitors.kpis",
  "visitors.settings.read", "attendance.read", "attendance.manage", "finance.read", "finance.manage"];
const ADMIN = [...MANAGER, "gates.devices", "users.manage", "faces.activate", "faces.finetune",
  "visitors.settings.manage", "finance.bill"];

const labels = (caps: string[]) => navItemsFor(caps).map((item) => item.labelKey);

describe("capability-aware navigation", () => {
  it("gives an administrator every section, writable", () => {
    expect(labels(ADMIN)).toEqual(["nav.units", "nav.people", "nav.users", "nav.vehicles", "nav.gates",
      "nav.console", "nav.visitorDesk", "nav.attendance", "nav.visitorKpis", "nav.finance",
      "nav.faceDatasets", "nav.faceModels"]);
    expect(navItemsFor(ADMIN).every((item) => !item.readOnly)).toBe(true);
  });

  it("gives a manager everything but users, finance read-only", () => {
    expect(labels(MANAGER)).toEqual(["nav.units", "nav.people", "nav.vehicles", "nav.gates",
      "nav.console", "nav.visitorDesk", "nav.attendance", "nav.visitorKpis", "nav.finance",
      "nav.faceDatasets", "nav.faceModels"]);
    expect(navItemsFor(MANAGER).find((item) => item.resource === "finance")?.readOnly).toBe(true);
    expect(can(MANAGER, "users", "read")).toBe(false);
  });

  it("gives a guard people, vehicles and gates read-only, and the console", () => {
    const items = navItemsFor(GUARD);
    expect(items.map((item) => item.path)).toEqual(["/people", "/vehicles", "/gates", "/console",
      "/visitors"]);
    expect(items.filter((item) => !item.readOnly).map((item) => item.path)).toEqual(["/console",
      "/visitors"]);
    expect(can(GUARD, "units")).toBe(false);
    expect(can(GUARD, "attendance")).toBe(false);
  });

  it("shows the console read-only to whoever may watch but not operate", () => {
    const [console] = navItemsFor(["access.monitor"]);
    expect(console.path).toBe("/console");
    expect(console.readOnly).toBe(true);
  });

  it("gives a resident their own units and vehicles", () => {
    expect(labels(RESIDENT)).toEqual(["nav.myUnits", "nav.vehicles", "nav.myVisitors",
      "nav.myFinance"]);
    expect(can(RESIDENT, "finance")).toBe(false);
    const [unitsItem, vehiclesItem] = navItemsFor(RESIDENT);
    expect(unitsItem.path).toBe("/units");
    expect(unitsItem.readOnly).toBe(true);
    expect(vehiclesItem.readOnly).toBe(false);
    expect(can(RESIDENT, "people")).toBe(false);
    expect(manages(RESIDENT)).toBe(false);
  });

  it("gives no capabilities nothing and no home page", () => {
    expect(navItemsFor([])).toEqual([]);
    expect(homePathFor([])).toBeNull();
  });

  it("joins the capabilities of several roles, and managing units wins the label", () => {
    const both = [...RESIDENT, ...GUARD];
    expect(labels(both)).toEqual(["nav.myUnits", "nav.people", "nav.vehicles", "nav.gates",
      "nav.console", "nav.visitorDesk", "nav.myVisitors", "nav.myFinance"]);
    expect(labels([...RESIDENT, ...MANAGER])[0]).toBe("nav.units");
    expect(homePathFor(both)).toBe("/units");
  });

  it("puts the face sections at their own paths, activation for faces.activate only", () => {
    const paths = navItemsFor(ADMIN).map((item) => item.path);
    expect(paths.slice(-2)).toEqual(["/face-datasets", "/face-models"]);
    expect(can(MANAGER, "faceModels", "write")).toBe(true); // retrain
    expect(canActivateFaceModels(MANAGER)).toBe(false);
    expect(canActivateFaceModels(ADMIN)).toBe(true);
    expect(canManageFaces(GUARD)).toBe(false);
    expect(canManageFaces(MANAGER)).toBe(true);
    for (const caps of [GUARD, RESIDENT, []]) {
      expect(can(caps, "faceDatasets")).toBe(false);
      expect(can(caps, "faceModels")).toBe(false);
    }
  });

  it("answers the panel checks from their own capabilities", () => {
    expect(canManageMemberships(MANAGER)).toBe(true);
    expect(canManageMemberships(GUARD)).toBe(false);
    expect(canManageGateDevices(ADMIN)).toBe(true);
    expect(canManageGateDevices(MANAGER)).toBe(false);
    expect(canListBuildings(GUARD)).toBe(true);
    expect(canListBuildings(RESIDENT)).toBe(false);
    expect(canPostCharges(MANAGER)).toBe(true);
    expect(canFinetuneDetectors(MANAGER)).toBe(false);
  });

  it("ignores unknown capabilities", () => {
    expect(navItemsFor(["superuser", "admin"])).toEqual([]);
  });
});
