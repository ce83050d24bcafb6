#!/usr/bin/env python3
"""text-tree.py DIR [FOLDERS] [FILES_PER_FOLDER] [SEED]: a reproducible tree of small text files (20-400
words each, drawn from a 5,000-word made-up vocabulary), for timing runs and re-runs (bench/RESULTS.md)."""
import os
import random
import sys

root = sys.argv[1]
folders = int(sys.argv[2]) if len(sys.argv) > 2 else 100
per_folder = int(sys.argv[3]) if len(sys.argv) > 3 else 100
rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 15)
letters = "abcdefghijklmnopqrstuvwxyz"
vocabulary = ["".join(rng.choice(letters) for _ in range(rng.randint(2, 10))) for _ in range(5000)]
for d in range(folders):
    folder = os.path.join(root, "d%03d" % d)
    os.makedirs(folder, exist_ok=True)
    for f in range(per_folder):
        words = [rng.choice(vocabulary) for _ in range(rng.randint(20, 400))]
        with open(os.path.join(folder, "f%04d.txt" % f), "w", encoding="utf-8") as out:
            out.write(" ".join(words) + "\n")
