#!/usr/bin/env python3
"""Validates every committed routes.json golden against Docs/routes.schema.json with Python's jsonschema
(Draft 2020-12), independently of the Swift test suite's own structural check.

Usage (from the repository root): python3 Tests/FlowFixtureTests/check_routes_schema.py
Exits 1 and lists the problems when a golden does not conform or none is found."""
import glob
import json
import sys

import jsonschema

schema = json.load(open("Docs/routes.schema.json", encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
paths = sorted(glob.glob("Tests/FlowFixtureTests/Fixtures/**/routes.json", recursive=True))
problems = [
    f"{path}: {'/'.join(map(str, error.absolute_path))}: {error.message}"
    for path in paths
    for error in validator.iter_errors(json.load(open(path, encoding="utf-8")))
]
print("\n".join(problems) if problems else f"{len(paths)} manifests conform to Docs/routes.schema.json")
sys.exit(1 if problems or not paths else 0)
