#!/usr/bin/env python3
"""The share of viable mutants that cargo-mutants saw caught, over the output
directories given (each holds mutants.out/{caught,missed,timeout,unviable}.txt).
Lists the missed and timed-out mutants and fails below the minimum percent.

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
    caught = sum(len(lines(d, "caught")) for d in directories)
    escaped = [m for d in directories for outcome in ("missed", "timeout") for m in lines(d, outcome)]
    viable = caught + len(escaped)
    percent = 100.0 * caught / viable if viable else 0.0
    for mutant in escaped:
        print("not caught:", mutant)
    print("mutants: %d caught of %d viable (%.1f %%; minimum %.0f %%)" % (caught, viable, percent, minimum))
    sys.exit(0 if viable and percent >= minimum else 1)


if __name__ == "__main__":
    main()
