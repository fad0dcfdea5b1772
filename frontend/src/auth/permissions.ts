/**
 * What the signed-in user sees and may change in the SPA, from the capabilities the
 * server lists for them in the current condominium (`GET /auth/me`). The server
 * enforces the same capabilities (and scopes residents to their own units); this only
 * decides what to show.
 */
export type Capabilities = readonly string[];

export type Resource = "units" | "people" | "users" | "vehicles" | "gates" | "console" |
  "visitorDesk" | "attendance" | "visitorKpis" | "faceDatasets" | "faceModels" | "finance" |
  "myVisitors" | "myFinance";
export type Action = "read" | "write";

/** The capability each section needs to be read, and to be changed. */
const RULES: Record<Resource, Record<Action, string>> = {
  units: { read: "units.read", write: "units.manage" },
  people: { read: "people.read", write: "people.manage" },
  users: { read: "users.manage", write: "users.manage" },
  vehicles: { read: "vehicles.read", write: "vehicles.write" },
  gates: { read: "gates.read", write: "gates.manage" },
  // The guard console: live events, alerts, manual opening.
  console: { read: "access.monitor", write: "access.operate" },
  // The gate's visitor desk: walk-ins with a photo, QR scanner, visitors inside.
  visitorDesk: { read: "visitors.desk", write: "visitors.desk" },
  attendance: { read: "attendance.read", write: "attendance.manage" },
  visitorKpis: { read: "visitors.kpis", write: "visitors.kpis" },
  // A resident's visitors: pre-registration with a QR pass, approvals, history.
  myVisitors: { read: "visitors.own", write: "visitors.own" },
  // Face recognition: enrolment by dataset, model versions (write = retrain).
  faceDatasets: { read: "faces.manage", write: "faces.manage" },
  faceModels: { read: "faces.manage", write: "faces.manage" },
  // Finance administration (write = billing runs, approvals) and a resident's own account.
  finance: { read: "finance.read", write: "finance.bill" },
  myFinance: { read: "finance.own", write: "finance.own" },
};

function has(capabilities: Capabilities, capability: string): boolean {
  return capabilities.includes(capability);
}

export function can(capabilities: Capabilities, resource: Resource, action: Action = "read"): boolean {
  return has(capabilities, RULES[resource][action]);
}

/** Managing the units: the "units" section is the condominium's, not "my units". */
export function manages(capabilities: Capabilities): boolean {
  return has(capabilities, "units.manage");
}

/** Unit memberships (who lives where). */
export function canManageMemberships(capabilities: Capabilities): boolean {
  return has(capabilities, "memberships.manage");
}

/** People's faces (consent, photos, erasure). */
export function canManageFaces(capabilities: Capabilities): boolean {
  return has(capabilities, "faces.manage");
}

/** Switching the model version that serves identification. */
export function canActivateFaceModels(capabilities: Capabilities): boolean {
  return has(capabilities, "faces.activate");
}

/** A staff member's work schedule (what attendance is measured against). */
export function canManageWorkSchedules(capabilities: Capabilities): boolean {
  return has(capabilities, "attendance.manage");
}

/** Posting single charges (fines, extras) to a unit's account; billing runs need `finance.bill`. */
export function canPostCharges(capabilities: Capabilities): boolean {
  return has(capabilities, "finance.manage");
}

/** Training a face detector (files on the server; more than managing faces). */
export function canFinetuneDetectors(capabilities: Capabilities): boolean {
  return has(capabilities, "faces.finetune");
}

/** The kiosks of a gate: seen by those who manage gates. */
export function canSeeGateDevices(capabilities: Capabilities): boolean {
  return has(capabilities, "gates.manage");
}
/** Registering a kiosk (its token) and revoking one. */
export function canManageGateDevices(capabilities: Capabilities): boolean {
  return has(capabilities, "gates.devices");
}

/** The building list (a filter and a unit field): the directory; residents see their unit's own. */
export function canListBuildings(capabilities: Capabilities): boolean {
  return has(capabilities, "directory.read");
}

export interface NavItem {
  resource: Resource;
  path: string;
  /** i18n key of the label. */
  labelKey: string;
  readOnly: boolean;
}

const ORDER: Resource[] = ["units", "people", "users", "vehicles", "gates", "console", "visitorDesk",
  "attendance", "visitorKpis", "finance", "faceDatasets", "faceModels", "myVisitors", "myFinance"];

/** Where each section lives (the resource name, unless said otherwise). */
export const PATHS: Record<Resource, string> = {
  units: "/units",
  people: "/people",
  users: "/users",
  vehicles: "/vehicles",
  gates: "/gates",
  console: "/console",
  visitorDesk: "/visitors",
  attendance: "/attendance",
  visitorKpis: "/visitor-kpis",
  myVisitors: "/my-visitors",
  faceDatasets: "/face-datasets",
  faceModels: "/face-models",
  finance: "/finance",
  myFinance: "/my-finance",
};

/** The sidebar entries for a user with `capabilities`, in a fixed order. */
export function navItemsFor(capabilities: Capabilities): NavItem[] {
  return ORDER.filter((resource) => can(capabilities, resource, "read")).map((resource) => ({
    resource,
    path: PATHS[resource],
    // A resident who manages nothing sees only their own units, and the label says so.
    labelKey: resource === "units" && !manages(capabilities) ? "nav.myUnits" : `nav.${resource}`,
    readOnly: !can(capabilities, resource, "write"),
  }));
}

/** Where to land after login: the first section the user may open. */
export function homePathFor(capabilities: Capabilities): string | null {
  return navItemsFor(capabilities)[0]?.path ?? null;
}
