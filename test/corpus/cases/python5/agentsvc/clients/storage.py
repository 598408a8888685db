from __future__ import annotations

import boto3


class BlobStore:
    def __init__(self, bucket: str) -> None:
        self.bucket = bucket
        self._s3 = boto3.client("s3")

    def get(self, key: str) -> bytes:
        obj = self._s3.get_object(Bucket=self.bucket, Key=key)
        return obj["Body"].read()

    def delete(self, key: str) -> None:
        self._s3.delete_object(Bucket=self.bucket, Key=key)
