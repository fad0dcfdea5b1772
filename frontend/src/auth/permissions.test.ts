import { describe, expect, it } from "vitest";
import { can, canActivateFaceModels, canManageFaces, homePathFor, navItemsFor } from "./permissions";

const labels = (roles: string[]) => navItemsFor(roles).map((item) => item.labelKey);

describe("role-aware navigation", () => {
  it("gives an admin every section, writable", () => {
    expect(labels(["admin"])).toEqual(["nav.units", "nav.people", "nav.users", "nav.vehicles", "nav.gates",
      "nav.console", "nav.visitorDesk", "nav.attendance", "nav.visitorKpis", "nav.finance",
      "nav.faceDatasets", "nav.faceModels"]);
    expect(navItemsFor(["admin"]).every((item) => !item.readOnly)).toBe(true);
  });

  it("gives a manager everything but users", () => {
    expect(labels(["manager"])).toEqual(["nav.units", "nav.people", "nav.vehicles", "nav.gates",
      "nav.console", "nav.visitorDesk", "nav.attendance", "nav.visitorKpis", "nav.finance",
      "nav.faceDatasets", "nav.faceModels"]);
    expect(navItemsFor(["manager"]).find((item) => item.resource === "finance")?.readOnly).toBe(true);
    expect(can(["manager"], "users", "read")).toBe(false);
  });

  it("gives a guard people, vehicles and gates read-only, and the console", () => {
    const items = navItemsFor(["guard"]);
    expect(items.map((item) => item.path)).toEqual(["/people", "/vehicles", "/gates", "/console",
      "/visitors"]);
    expect(items.filter((item) => !item.readOnly).map((item) => item.path)).toEqual(["/console",
      "/visitors"]);
    expect(can(["guard"], "units")).toBe(false);
    expect(can(["guard"], "attendance")).toBe(false);
  });

  it("gives a resident their own units and vehicles", () => {
    expect(labels(["resident"])).toEqual(["nav.myUnits", "nav.vehicles", "nav.myVisitors",
      "nav.myFinance"]);
    expect(can(["resident"], "finance")).toBe(false);
    const [unitsItem, vehiclesItem] = navItemsFor(["resident"]);
    expect(unitsItem.path).toBe("/units");
    expect(unitsItem.readOnly).toBe(true);
    expect(vehiclesItem.readOnly).toBe(false);
    expect(can(["resident"], "people")).toBe(false);
  });

  it("gives staff nothing and no home page", () => {
    expect(navItemsFor(["staff"])).toEqual([]);
    expect(homePathFor(["staff"])).toBeNull();
    expect(homePathFor([])).toBeNull();
  });

  it("joins several roles, and managing wins over resident", () => {
    expect(labels(["resident", "guard"])).toEqual(["nav.myUnits", "nav.people", "nav.vehicles", "nav.gates",
      "nav.console", "nav.visitorDesk", "nav.myVisitors", "nav.myFinance"]);
    expect(labels(["resident", "manager"])[0]).toBe("nav.units");
    expect(homePathFor(["guard", "resident"])).toBe("/units");
  });

  it("puts the face sections at their own paths, for admins and managers only", () => {
    const paths = navItemsFor(["admin"]).map((item) => item.path);
    expect(paths.slice(-2)).toEqual(["/face-datasets", "/face-models"]);
    expect(can(["manager"], "faceModels", "write")).toBe(true); // retrain
    expect(canActivateFaceModels(["manager"])).toBe(false);
    expect(canActivateFaceModels(["admin"])).toBe(true);
    expect(canManageFaces(["guard"])).toBe(false);
    expect(canManageFaces(["manager"])).toBe(true);
    for (const role of ["guard", "resident", "staff"]) {
      expect(can([role], "faceDatasets")).toBe(false);
      expect(can([role], "faceModels")).toBe(false);
    }
  });

  it("ignores unknown roles", () => {
    expect(navItemsFor(["superuser"])).toEqual([]);
  });
});
