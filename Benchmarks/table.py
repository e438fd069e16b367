#!/usr/bin/env python3
"""Prints the table of Benchmarks/run.sh from its results folder, every figure next to its target.

    table.py RESULTS_DIR SIZE...
"""
import json
import os
import sys


def hyperfine(path):
    with open(path, encoding="utf-8") as handle:
        result = json.load(handle)["results"][0]
    return result["mean"], result.get("stddev") or 0.0, result["min"], len(result["times"])


def cpu(path):
    """Mean user + system CPU seconds: far less sensitive than wall time to other processes and to I/O."""
    with open(path, encoding="utf-8") as handle:
        result = json.load(handle)["results"][0]
    return result["user"] + result["system"]


def results(path):
    found = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("RESULT "):
                _, key, value = line.split()
                found[key] = float(value)
    return found


def verdict(ok):
    return "met" if ok else "MISSED"


def main():
    folder, sizes = sys.argv[1], [int(size) for size in sys.argv[2:]]
    print()
    print("| flows | documents | flowc build, clean | per document | peak RSS | no-op rebuild | no-op / clean "
          "| VoiceResponse (process) | VoiceResponse (build+write only) | speed-up vs Python | cp -r | flowc / cp -r |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    cpu_rows = []
    clean_by_size, rss_by_size = {}, {}
    for size in sizes:
        clean, clean_sd, _, runs = hyperfine(f"{folder}/clean-{size}.json")
        noop, noop_sd, _, _ = hyperfine(f"{folder}/noop-{size}.json")
        python, python_sd, _, _ = hyperfine(f"{folder}/python-{size}.json")
        inner = results(f"{folder}/python-inner-{size}.txt").get("python_build_write_s", float("nan"))
        copy, copy_sd, _, _ = hyperfine(f"{folder}/cp-{size}.json")
        with open(f"{folder}/rss-{size}.txt", encoding="utf-8") as handle:
            rss = int(handle.read().split()[-1]) / 1024
        with open(os.path.join(folder, "..", f"documents-{size}.json"), encoding="utf-8") as handle:
            documents = len(json.load(handle))
        clean_by_size[size], rss_by_size[size] = clean, rss
        cpu_rows.append((size, cpu(f"{folder}/clean-{size}.json"), cpu(f"{folder}/noop-{size}.json"),
                         cpu(f"{folder}/python-{size}.json"), cpu(f"{folder}/cp-{size}.json")))
        print(f"| {size:,} | {documents:,} | {clean:.3f} s ± {clean_sd:.3f} (n={runs}) | {clean / documents * 1e6:.1f} µs "
              f"| {rss:.1f} MiB | {noop:.3f} s ± {noop_sd:.3f} | {noop / clean * 100:.1f} % "
              f"| {python:.3f} s ± {python_sd:.3f} | {inner:.3f} s | {python / clean:.2f}× (target ≥ 20×: {verdict(python / clean >= 20)}) "
              f"| {copy:.3f} s ± {copy_sd:.3f} | {clean / copy:.2f}× (target ≤ 3× at 10,000) |")
    print()
    print("CPU time (user + system, mean), less sensitive to the machine's load than wall time:")
    print("| flows | flowc build, clean | no-op rebuild | VoiceResponse | cp -r | Python / flowc | flowc / cp -r |")
    print("|---|---|---|---|---|---|---|")
    for size, clean, noop, python, copy in cpu_rows:
        print(f"| {size:,} | {clean:.3f} s | {noop:.3f} s | {python:.3f} s | {copy:.3f} s | {python / clean:.2f}× | {clean / copy:.2f}× |")
    print()
    if 10000 in rss_by_size:
        print(f"peak memory at 10,000 flows: {rss_by_size[10000]:.1f} MiB (target < 200 MB: {verdict(rss_by_size[10000] * 1.048576 < 200)})")
    if 1000 in clean_by_size and 10000 in clean_by_size:
        growth = clean_by_size[10000] / clean_by_size[1000]
        print(f"growth 1,000 → 10,000 flows: {growth:.2f}× time (linear ≈ 10×), "
              f"{rss_by_size[10000] / rss_by_size[1000]:.2f}× peak memory")
    check, check_sd, check_min, runs = hyperfine(f"{folder}/check-one.json")
    inprocess = results(f"{folder}/check-one-inprocess.txt").get("check_one_median_ms", float("nan"))
    print(f"flowc check, one small file: {check * 1000:.2f} ms ± {check_sd * 1000:.2f} (min {check_min * 1000:.2f}, n={runs}), "
          f"in process {inprocess:.3f} ms (target < 20 ms: {verdict(check < 0.020)})")
    series = results(f"{folder}/checker-series.txt")
    steps = sorted(int(key.split("_")[2]) for key in series)
    previous = None
    for count in steps:
        value = series[f"checker_deep_{count}_median_ms"]
        growth = f", {value / previous[1]:.2f}× for {count / previous[0]:.2f}× steps" if previous else ""
        print(f"checker alone, deep chain of {count:,} steps: {value:.1f} ms ({value / count * 1000:.1f} µs per step{growth})")
        previous = (count, value)
    if steps:
        print(f"  target < 1 s at {steps[-1]:,} steps: {verdict(series[f'checker_deep_{steps[-1]}_median_ms'] < 1000)}")
    deep, deep_sd, _, runs = hyperfine(f"{folder}/deep-check.json")
    print(f"flowc check of the deep chain, end to end: {deep:.3f} s ± {deep_sd:.3f} (n={runs})")


if __name__ == "__main__":
    main()
