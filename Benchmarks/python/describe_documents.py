#!/usr/bin/env python3
"""Reads a tree that `flowc build` wrote and describes every TwiML document in it as JSON.

This is the preparation step of the Python comparison (not timed): it gives voiceresponse_build.py the
structure of exactly the documents flowc produced, so both sides produce the same documents.

    describe_documents.py TREE DESCRIPTION.json

The description is a list of {"file": path relative to TREE, "verbs": [element, ...]}, where an element is
{"name", "attributes", "text", "children"}. The files are those listed in TREE/routes.json.
"""
import json
import os
import sys
import xml.etree.ElementTree as ET


def element(node):
    return {
        "name": node.tag,
        "attributes": dict(node.attrib),
        "text": (node.text or "").strip() or None,
        "children": [element(child) for child in node],
    }


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: describe_documents.py TREE DESCRIPTION.json")
    tree, out = sys.argv[1], sys.argv[2]
    with open(os.path.join(tree, "routes.json"), encoding="utf-8") as handle:
        manifest = json.load(handle)
    files = sorted(route["file"] for route in manifest["routes"])
    described = []
    for relative in files:
        root = ET.parse(os.path.join(tree, relative)).getroot()
        described.append({"file": relative, "verbs": [element(verb) for verb in root]})
    with open(out, "w", encoding="utf-8") as handle:
        json.dump(described, handle)
    print(f"described {len(described)} documents of {tree} in {out}")


if __name__ == "__main__":
    main()
