import type { Option } from "../components/Field";

export const PERSON_KINDS = ["owner", "tenant", "family", "staff", "visitor"] as const;
export const DOC_TYPES = ["rut", "cpf", "dni", "passport", "other"] as const;
export const MEMBERSHIP_ROLES = ["owner", "tenant", "family", "resident"] as const;
export const GATE_DIRECTIONS = ["entry", "exit", "both"] as const;
export const GATE_KINDS = ["pedestrian", "vehicle"] as const;
/** The roles a user account can have (what the users form offers). */
export const USER_ROLES = ["admin", "manager", "guard", "resident", "staff"] as const;

type T = (key: string) => string;

/** Select options for an enum, labelled from `enums.<group>.<value>`. */
export function enumOptions(t: T, group: string, values: readonly string[]): Option[] {
  return values.map((value) => ({ value, label: t(`enums.${group}.${value}`) }));
}
