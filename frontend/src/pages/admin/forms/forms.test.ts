import { describe, expect, it } from "vitest";
import type { Unit } from "../../../api/units";
import type { User } from "../../../api/users";
import { changed } from "../../../hooks/useForm";
import { personForm } from "./personForm";
import { unitForm } from "./unitForm";
import { userForm } from "./userForm";
import { vehicleForm } from "./vehicleForm";

const unit: Unit = {
  id: 7, code: "A-101", building_id: 2, building_name: "Torre A", floor: 1, area_m2: "85.50",
  coefficient: "0.012345", public_id: "u7", created_at: "2026-01-01T00:00:00Z",
};
const user: User = {
  id: 3, email: "ana@example.com", roles: ["resident"], is_active: true, person_id: null,
  created_at: "2026-01-01T00:00:00Z", last_login_at: null,
};

describe("the resource form configs", () => {
  it("send nothing for an untouched unit, and only what changed", () => {
    const values = unitForm.toForm(unit);
    expect(changed(unitForm.toInput(unitForm.toForm(unit)), unitForm.toInput(values))).toEqual({});
    const patch = changed(unitForm.toInput(unitForm.toForm(unit)),
      unitForm.toInput({ ...values, area_m2: "90,25", floor: "" }));
    expect(patch).toEqual({ area_m2: "90.25", floor: null });
  });

  it("patch a user's roles, state and link, and the password only when typed", () => {
    const values = userForm.toForm(user);
    expect(userForm.patch!(user, values)).toEqual({});
    expect(userForm.patch!(user, { ...values, roles: ["guard", "resident"], password: "" }))
      .toEqual({ roles: ["guard", "resident"] });
    expect(userForm.patch!(user, { ...values, password: "s3cret-pass", person_id: "9" }))
      .toEqual({ password: "s3cret-pass", person_id: 9 });
    expect(userForm.submittable!({ ...values, roles: [] })).toBe(false);
    expect(userForm.deletable!(user, null)).toBe(true);
  });

  it("send unit 0 for a vehicle without a unit, so that the server names the field", () => {
    expect(vehicleForm.toInput({ ...vehicleForm.empty, plate: " ab12cd " }))
      .toMatchObject({ plate: "ab12cd", unit_id: 0, make: null });
  });

  it("keep the new person's unit link out of the person itself", async () => {
    const input = personForm.toInput({ ...personForm.empty, link_unit_id: "4", first_name: "Ana" });
    expect(input).not.toHaveProperty("link_unit_id");
    expect(input).not.toHaveProperty("link_role");
    const t = ((key: string) => key) as Parameters<NonNullable<typeof personForm.afterCreate>>[2];
    const person = {
      ...input, id: 1, email: null, phone: null, full_name: "Ana", photo_key: null, public_id: "p1",
      created_at: "2026-01-01T00:00:00Z",
    };
    expect(await personForm.afterCreate!(person, personForm.empty, t)).toBeUndefined();
  });
});
