from __future__ import annotations

from marshmallow import Schema, fields, validate


class FaceModelSchema(Schema):
    id = fields.Integer(required=True)
    version = fields.Integer(attribute="version_no", required=True)
    model = fields.String(attribute="model_name", required=True)
    detector = fields.String(attribute="detector_name", required=True)
    threshold = fields.Float(required=True)
    target_far = fields.Float(required=True)
    is_active = fields.Boolean(required=True)
    status = fields.String(required=True, metadata={"enum": ["training", "ready", "failed"]})
    report = fields.Dict(allow_none=True, metadata={
        "description": "rank1, tar_at_threshold, far_at_threshold, eer, histogram{bins, "
                       "genuine, impostor}, people, faces, threshold, method"})
    created_at = fields.DateTime(required=True)


class CatalogueEntry(Schema):
    name = fields.String(required=True)
    file = fields.String(metadata={"description": "the weights file it needs"})
    available = fields.Boolean(required=True)


class Catalogue(Schema):
    models = fields.List(fields.Nested(CatalogueEntry), required=True)
    detectors = fields.List(fields.Nested(CatalogueEntry), required=True)


class RetrainRequest(Schema):
    model = fields.String(load_default="Dlib", validate=validate.Length(max=30))
    detector = fields.String(load_default="dlib_hog", validate=validate.Length(max=30))
    target_far = fields.Float(load_default=0.001, validate=validate.Range(min=1e-6, max=0.5))
    activate = fields.Boolean(load_default=False, metadata={
        "description": "switch to the new version when it is not worse than the active one"})
