from __future__ import annotations

from marshmallow import Schema, fields, validate

from conserje.schemas.core.common import ResponseSchema
from vision import defaults

NUMBER = {"type": "number"}
NULLABLE_NUMBER = {"type": "number", "nullable": True}
COUNTS = {"type": "array", "items": {"type": "integer"}}
# FaceModel.report is free-form JSON (kept as stored); what retraining writes in it:
REPORT_PROPERTIES = {
    "people": {"type": "integer"},
    "faces": {"type": "integer"},
    "threshold": NUMBER,
    "target_far": NUMBER,
    "method": {"type": "string"},
    "rank1": NULLABLE_NUMBER,
    "tar_at_threshold": NULLABLE_NUMBER,
    "far_at_threshold": NULLABLE_NUMBER,
    "eer": NULLABLE_NUMBER,
    "faces_not_detected": {"type": "integer"},
    "histogram": {"type": "object", "required": ["bins", "genuine", "impostor"], "properties": {
        "bins": {"type": "array", "items": NUMBER}, "genuine": COUNTS, "impostor": COUNTS}},
    "error": {"type": "string"},
}


class FaceModelSchema(ResponseSchema):
    id = fields.Integer(required=True)
    version = fields.Integer(attribute="version_no", required=True)
    model = fields.String(attribute="model_name", required=True)
    detector = fields.String(attribute="detector_name", required=True)
    detector_weights = fields.String(allow_none=True, metadata={
        "description": "weights file of the detector (fine-tuned YOLO), null = its default"})
    threshold = fields.Float(required=True)
    target_far = fields.Float(required=True)
    is_active = fields.Boolean(required=True)
    status = fields.String(required=True, metadata={"enum": ["training", "ready", "failed"]})
    report = fields.Dict(allow_none=True, metadata={
        "description": "the evaluation of a ready version; a failed one has only error and "
                       "faces",
        "properties": REPORT_PROPERTIES})
    created_at = fields.DateTime(required=True)


class CatalogueEntry(ResponseSchema):
    name = fields.String(required=True)
    file = fields.String(metadata={"description": "the weights file it needs"})
    available = fields.Boolean(required=True)


class TrainedDetector(Schema):
    onnx = fields.String(required=True, metadata={"description": "use as detector_weights"})
    weights = fields.String(metadata={"description": "PyTorch checkpoint, a base for the "
                                                     "next fine-tune"})
    base = fields.String()
    epochs = fields.Integer()
    imgsz = fields.Integer()
    metrics = fields.Dict(metadata={"description": "precision, recall, mAP50, mAP50-95 on val"})
    conf = fields.Float(metadata={"description": "confidence threshold of the best F1 on val"})
    trained_at = fields.String()


class RecognitionDefaults(ResponseSchema):
    """What a retraining or a detector fine-tune uses when the request leaves it out."""
    model = fields.String(required=True)
    detector = fields.String(required=True)
    threshold = fields.Float(required=True)
    target_far = fields.Float(required=True)
    detector_base = fields.String(required=True)
    detector_epochs = fields.Integer(required=True)
    detector_imgsz = fields.Integer(required=True)


class Catalogue(ResponseSchema):
    models = fields.List(fields.Nested(CatalogueEntry), required=True)
    detectors = fields.List(fields.Nested(CatalogueEntry), required=True)
    trained_detectors = fields.List(fields.Nested(TrainedDetector), required=True)
    defaults = fields.Nested(RecognitionDefaults, required=True)


class RetrainRequest(Schema):
    model = fields.String(load_default=defaults.FACE_MODEL,
                          validate=validate.Length(max=30))
    detector = fields.String(load_default=defaults.FACE_DETECTOR,
                             validate=validate.Length(max=30))
    detector_weights = fields.String(load_default=None, allow_none=True,
                                     validate=validate.Length(min=1, max=100), metadata={
                                         "description": "a fine-tuned detector's ONNX file "
                                                        "(see /face-models/available)"})
    target_far = fields.Float(load_default=defaults.TARGET_FAR,
                              validate=validate.Range(min=1e-6, max=0.5))
    activate = fields.Boolean(load_default=False, metadata={
        "description": "switch to the new version when it is not worse than the active one"})


class DetectorFinetuneUpload(Schema):
    # The file part is read from request.files; it is here for the documentation.
    file = fields.Raw(metadata={"type": "string", "format": "binary", "description":
                                "zip: images/{train,val}/*.jpg and labels/{train,val}/*.txt "
                                "(YOLO format, class 0 = face)"})
    base = fields.String(load_default=defaults.DETECTOR_BASE, validate=validate.Length(max=100),
                         metadata={"description": "a model yaml (from scratch) or a .pt file "
                                                  "in the models folder to start from"})
    epochs = fields.Integer(load_default=defaults.DETECTOR_EPOCHS,
                            validate=validate.Range(min=1, max=500))
    imgsz = fields.Integer(load_default=defaults.DETECTOR_IMGSZ,
                           validate=validate.Range(min=64, max=1280))
