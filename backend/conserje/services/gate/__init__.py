"""The gate: kiosk devices, frame decisions, the access log, presence, alerts, the live
event stream and staff attendance."""
