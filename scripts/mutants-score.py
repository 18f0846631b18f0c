#!/usr/bin/env python3
"""The share of viable mutants that cargo-mutants saw detected, over the output
directories given (each holds mutants.out/{caught,missed,timeout,unviable}.txt).
A mutant is detected when a test failed (caught) or the tests hung until the
timeout (the mutant made the code loop for ever, and the tests noticed by not
finishing). Lists the missed and the timed-out mutants,
prints both shares, and fails when the detected share is below the minimum.

Usage: mutants-score.py MIN_PERCENT OUTPUT_DIR...   (make mutants runs it)
"""
import os
import sys


def lines(directory, outcome):
    path = os.path.join(directory, "mutants.out", outcome + ".txt")
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip()]


def main():
    minimum, directories = float(sys.argv[1]), sys.argv[2:]
    count = {o: [m for d in directories for m in lines(d, o)] for o in ("caught", "timeout", "missed")}
    viable = sum(len(m) for m in count.values())
    for mutant in count["timeout"]:
        print("timed out (the tests hung):", mutant)
    for mutant in count["missed"]:
        print("missed:", mutant)
    share = lambda n: 100.0 * n / viable if viable else 0.0
    detected = len(count["caught"]) + len(count["timeout"])
    print("mutants: %d viable: %d caught, %d timed out, %d missed; detected %.1f %% (minimum %.0f %%), "
          "caught by a failing test %.1f %%"
          % (viable, len(count["caught"]), len(count["timeout"]), len(count["missed"]), share(detected),
             minimum, share(len(count["caught"]))))
    sys.exit(0 if viable and share(detected) >= minimum else 1)


if __name__ == "__main__":
    main()
