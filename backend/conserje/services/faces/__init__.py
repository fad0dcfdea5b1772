"""Face recognition for people: biometric consent and erasure, enrolment, identification,
model versions (retraining, calibration, activation), datasets and detector fine-tuning."""
