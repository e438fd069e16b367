#!/usr/bin/env python3
"""Produces the same TwiML documents as `flowc build` with the official twilio library's VoiceResponse.

This is the script a team would otherwise write: one VoiceResponse per document, built verb by verb with
the library's methods (say, play, gather, dial + conference/queue/number, enqueue, record, redirect, …),
serialised with to_xml() and written to its file. It reads the documents' structure from the JSON that
describe_documents.py wrote from flowc's own output, so both sides produce the same documents.

    voiceresponse_build.py DESCRIPTION.json OUT_DIR

It prints the seconds spent loading the description and building + writing the documents (the figure
BENCHMARKS.md compares; hyperfine times the whole process, interpreter start-up and imports included).
It does not parse .flow files, check anything or write a manifest: flowc does all three.
"""
import json
import os
import sys
import time

from twilio.twiml.voice_response import VoiceResponse

# Nouns of <Dial>, by element name: the Dial method that adds them.
DIAL_NOUNS = {
    "Number": "number",
    "Client": "client",
    "Sip": "sip",
    "Queue": "queue",
    "Conference": "conference",
}

# Verbs nested in <Gather>.
GATHER_VERBS = {"Say": "say", "Play": "play", "Pause": "pause"}


def add_verb(response, verb):
    name, attributes, text = verb["name"], verb["attributes"], verb["text"]
    if name == "Say":
        response.say(text, **attributes)
    elif name == "Play":
        response.play(text, **attributes)
    elif name == "Pause":
        response.pause(**attributes)
    elif name == "Gather":
        gather = response.gather(**attributes)
        for child in verb["children"]:
            method = getattr(gather, GATHER_VERBS[child["name"]])
            if child["name"] == "Pause":
                method(**child["attributes"])
            else:
                method(child["text"], **child["attributes"])
    elif name == "Record":
        response.record(**attributes)
    elif name == "Dial":
        dial = response.dial(**attributes)
        for child in verb["children"]:
            getattr(dial, DIAL_NOUNS[child["name"]])(child["text"], **child["attributes"])
    elif name == "Enqueue":
        response.enqueue(text, **attributes)
    elif name == "Leave":
        response.leave()
    elif name == "Redirect":
        response.redirect(text, **attributes)
    elif name == "Hangup":
        response.hangup()
    elif name == "Reject":
        response.reject(**attributes)
    else:
        raise ValueError(f"no VoiceResponse method for <{name}>")


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: voiceresponse_build.py DESCRIPTION.json OUT_DIR")
    description, out = sys.argv[1], sys.argv[2]
    started = time.perf_counter()
    with open(description, encoding="utf-8") as handle:
        documents = json.load(handle)
    loaded = time.perf_counter()
    made = set()
    for document in documents:
        response = VoiceResponse()
        for verb in document["verbs"]:
            add_verb(response, verb)
        path = os.path.join(out, document["file"])
        folder = os.path.dirname(path)
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(response.to_xml())
    finished = time.perf_counter()
    print(
        f"RESULT python_load_s {loaded - started:.3f}\n"
        f"RESULT python_build_write_s {finished - loaded:.3f}\n"
        f"built {len(documents)} documents with VoiceResponse in {out}"
    )


if __name__ == "__main__":
    main()
