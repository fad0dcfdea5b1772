/**
 * What each role sees and may change in the SPA. The server enforces the same rules
 * (and scopes residents to their own units); this only decides what to show.
 */
export const ROLES = ["admin", "manager", "guard", "resident", "staff"] as const;
export type Role = (typeof ROLES)[number];

export type Resource = "units" | "people" | "users" | "vehicles" | "gates" | "console" |
  "visitorDesk" | "attendance" | "visitorKpis" | "faceDatasets" | "faceModels" | "finance" |
  "myVisitors" | "myFinance";
export type Action = "read" | "write";

const MANAGING: readonly Role[] = ["admin", "manager"];

const RULES: Record<Resource, Record<Action, readonly Role[]>> = {
  units: { read: [...MANAGING, "resident"], write: MANAGING },
  people: { read: [...MANAGING, "guard"], write: MANAGING },
  users: { read: ["admin"], write: ["admin"] },
  vehicles: { read: [...MANAGING, "guard", "resident"], write: [...MANAGING, "resident"] },
  gates: { read: [...MANAGING, "guard"], write: MANAGING },
  // The guard console: live events, alerts, manual opening.
  console: { read: [...MANAGING, "guard"], write: [...MANAGING, "guard"] },
  // The gate's visitor desk: walk-ins with a photo, QR scanner, visitors inside.
  visitorDesk: { read: [...MANAGING, "guard"], write: [...MANAGING, "guard"] },
  attendance: { read: MANAGING, write: MANAGING },
  visitorKpis: { read: MANAGING, write: MANAGING },
  // A resident's visitors: pre-registration with a QR pass, approvals, history.
  myVisitors: { read: ["resident"], write: ["resident"] },
  // Face recognition: enrolment by dataset, model versions (write = retrain).
  faceDatasets: { read: MANAGING, write: MANAGING },
  faceModels: { read: MANAGING, write: MANAGING },
  // Finance administration (write = billing runs, approvals) and a resident's own account.
  finance: { read: MANAGING, write: ["admin"] },
  myFinance: { read: ["resident"], write: ["resident"] },
};

function has(roles: readonly string[], allowed: readonly Role[]): boolean {
  return roles.some((role) => (allowed as readonly string[]).includes(role));
}

export function can(roles: readonly string[], resource: Resource, action: Action = "read"): boolean {
  return has(roles, RULES[resource][action]);
}

export function manages(roles: readonly string[]): boolean {
  return has(roles, MANAGING);
}

/** Unit memberships (who lives where) are changed by administrators and managers. */
export function canManageMemberships(roles: readonly string[]): boolean {
  return manages(roles);
}

/** People's faces (consent, photos, erasure) are managed by administrators and managers. */
export function canManageFaces(roles: readonly string[]): boolean {
  return manages(roles);
}

/** Only administrators switch the model version that serves identification. */
export function canActivateFaceModels(roles: readonly string[]): boolean {
  return has(roles, ["admin"]);
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

/** The sidebar entries for a user with `roles`, in a fixed order. */
export function navItemsFor(roles: readonly string[]): NavItem[] {
  return ORDER.filter((resource) => can(roles, resource, "read")).map((resource) => ({
    resource,
    path: PATHS[resource],
    // A resident who manages nothing sees only their own units, and the label says so.
    labelKey: resource === "units" && !manages(roles) ? "nav.myUnits" : `nav.${resource}`,
    readOnly: !can(roles, resource, "write"),
  }));
}

/** Where to land after login: the first section the user may open. */
export function homePathFor(roles: readonly string[]): string | null {
  return navItemsFor(roles)[0]?.path ?? null;
}
