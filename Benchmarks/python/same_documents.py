#!/usr/bin/env python3
"""Checks that two trees hold the same TwiML documents: same files, and for each the same elements,
attributes and text (whitespace between elements and attribute order aside; flowc indents, VoiceResponse
does not).

    same_documents.py FLOWC_TREE PYTHON_TREE
"""
import json
import os
import sys
import xml.etree.ElementTree as ET


def canonical(node):
    return (
        node.tag,
        tuple(sorted(node.attrib.items())),
        (node.text or "").strip(),
        tuple(canonical(child) for child in node),
    )


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: same_documents.py FLOWC_TREE PYTHON_TREE")
    flowc, python = sys.argv[1], sys.argv[2]
    with open(os.path.join(flowc, "routes.json"), encoding="utf-8") as handle:
        files = sorted(route["file"] for route in json.load(handle)["routes"])
    different = [
        relative
        for relative in files
        if canonical(ET.parse(os.path.join(flowc, relative)).getroot())
        != canonical(ET.parse(os.path.join(python, relative)).getroot())
    ]
    if different:
        sys.exit(f"{len(different)} of {len(files)} documents differ, first: {different[0]}")
    print(f"same documents: all {len(files)} documents match")


if __name__ == "__main__":
    main()
