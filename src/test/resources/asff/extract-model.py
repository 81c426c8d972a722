"""Extracts, from botocore's Security Hub service model, every shape reachable from AwsSecurityFinding (not
descending into ResourceDetails, which our records never write): structures with their member names, target shapes
and required members; lists with their member shape; maps with their value shape; enums with their values.
Run: python3 src/test/resources/asff/extract-model.py > src/test/resources/asff/securityhub-model-extract.json"""
import glob, gzip, json, os, sys
import botocore

path = glob.glob(os.path.dirname(botocore.__file__) + "/data/securityhub/*/service-2.json.gz")[0]
model = json.load(gzip.open(path))
shapes = model["shapes"]
out = {}


def walk(name):
    if name in out:
        return
    s = shapes[name]
    e = {"type": s["type"]}
    if s["type"] == "structure":
        e["required"] = s.get("required", [])
        e["members"] = {k: v["shape"] for k, v in s.get("members", {}).items()}
    if "member" in s:
        e["member"] = s["member"]["shape"]
    if "value" in s:
        e["value"] = s["value"]["shape"]
    if "enum" in s:
        e["enum"] = s["enum"]
    out[name] = e
    if name == "ResourceDetails":
        return
    for target in list(e.get("members", {}).values()) + [e.get("member"), e.get("value")]:
        if target:
            walk(target)


walk("AwsSecurityFinding")
walk("BatchImportFindingsResponse")
json.dump({"source": "botocore " + botocore.__version__ + " data/securityhub/" + path.split("/")[-2]
           + "/service-2.json.gz", "shapes": out}, sys.stdout, indent=1, sort_keys=True)
