"""Media store: one interface over a local folder or an S3/MinIO bucket.

The database only keeps keys such as ``faces/12/3f2a.jpg``; bytes live here.
"""
from __future__ import annotations

import abc
import os
import tempfile
from pathlib import Path, PurePosixPath


class StorageError(Exception):
    """A key is invalid or the backend refused an operation."""


def _check_key(key: str) -> str:
    path = PurePosixPath(key)
    if not key or path.is_absolute() or ".." in path.parts:
        raise StorageError(f"invalid media key: {key!r}")
    return str(path)


class MediaStore(abc.ABC):
    @abc.abstractmethod
    def put(self, key: str, data: bytes, content_type: str = "application/octet-stream") -> None:
        """Store ``data`` under ``key``, replacing what was there."""

    @abc.abstractmethod
    def get(self, key: str) -> bytes:
        """Return the bytes stored under ``key``; ``KeyError`` when absent."""

    @abc.abstractmethod
    def delete(self, key: str) -> None:
        """Remove ``key``; removing an absent key is not an error."""

    @abc.abstractmethod
    def check(self) -> str:
        """Raise when the store cannot be used; return a short description."""


class LocalMediaStore(MediaStore):
    def __init__(self, root: str | Path):
        self.root = Path(root)

    def _path(self, key: str) -> Path:
        return self.root / _check_key(key)

    def put(self, key, data, content_type="application/octet-stream"):
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        # Write then rename so a reader never sees half a file.
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)

    def get(self, key):
        try:
            return self._path(key).read_bytes()
        except FileNotFoundError:
            raise KeyError(key) from None

    def delete(self, key):
        self._path(key).unlink(missing_ok=True)

    def check(self):
        self.root.mkdir(parents=True, exist_ok=True)
        if not os.access(self.root, os.W_OK):
            raise StorageError(f"media folder {self.root} is not writable")
        return f"local:{self.root}"


class S3MediaStore(MediaStore):
    def __init__(self, bucket: str, endpoint_url: str | None, access_key: str | None,
                 secret_key: str | None, region: str | None):
        import boto3

        self.bucket = bucket
        self.client = boto3.client(
            "s3", endpoint_url=endpoint_url or None, aws_access_key_id=access_key or None,
            aws_secret_access_key=secret_key or None, region_name=region or None,
        )

    def put(self, key, data, content_type="application/octet-stream"):
        self.client.put_object(Bucket=self.bucket, Key=_check_key(key), Body=data,
                               ContentType=content_type)

    def get(self, key):
        try:
            obj = self.client.get_object(Bucket=self.bucket, Key=_check_key(key))
        except self.client.exceptions.NoSuchKey:
            raise KeyError(key) from None
        return obj["Body"].read()

    def delete(self, key):
        self.client.delete_object(Bucket=self.bucket, Key=_check_key(key))

    def check(self):
        self.client.head_bucket(Bucket=self.bucket)
        return f"s3:{self.bucket}"
