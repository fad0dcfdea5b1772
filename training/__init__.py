"""Training pipeline (dataset import, enrolment, evaluation, calibration, fine-tuning).

Used by the worker's jobs and runnable as ``python -m training``; filled in by the face
recognition work.
"""
