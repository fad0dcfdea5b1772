"""The gate: kiosk devices, frames and the decision for residents and staff (visitors are
asked through ``visitors.admission``), guard actions, work schedules and attendance."""
