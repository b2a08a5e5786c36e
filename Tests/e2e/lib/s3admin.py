"""What an administrator of the test's bucket does, with boto3 (installed with moto):

    python3 s3admin.py ENDPOINT create BUCKET
    python3 s3admin.py ENDPOINT keys BUCKET PREFIX           every key, one a line
    python3 s3admin.py ENDPOINT tamper BUCKET KEY            flips a byte in the middle (overwrites)
    python3 s3admin.py ENDPOINT newest-segment BUCKET PREFIX the segment written last
    python3 s3admin.py ENDPOINT grep BUCKET TEXT             exit 0 when some object holds TEXT"""
import sys
import boto3

endpoint, command, bucket = sys.argv[1], sys.argv[2], sys.argv[3]
s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1",
                  aws_access_key_id="admin", aws_secret_access_key="admin-secret")

def keys(prefix=""):
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
        for item in page.get("Contents", []):
            yield item["Key"]

if command == "create":
    s3.create_bucket(Bucket=bucket)
elif command == "keys":
    for key in keys(sys.argv[4] if len(sys.argv) > 4 else ""):
        print(key)
elif command == "tamper":
    data = bytearray(s3.get_object(Bucket=bucket, Key=sys.argv[4])["Body"].read())
    data[len(data) // 2] ^= 0x20
    s3.put_object(Bucket=bucket, Key=sys.argv[4], Body=bytes(data))
elif command == "newest-segment":
    segments = [item for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=sys.argv[4])
                for item in page.get("Contents", []) if item["Key"].endswith(".seg")]
    print(max(segments, key=lambda item: (item["LastModified"], item["Key"]))["Key"])
elif command == "grep":
    needle = sys.argv[4].encode()
    sys.exit(0 if any(needle in s3.get_object(Bucket=bucket, Key=k)["Body"].read() for k in keys()) else 1)
