"""`flowview info SCENE --model DIR --text T` against `flowview predict` (same tokens, same top-K
next tokens and probabilities), and the bad-input contract of --model / --text (exit 2, one line).
Usage: realdata_test.py FLOWVIEW MODEL_DIR SCENES_DIR"""
import json
import os
import subprocess
import sys
import tempfile

flowview, model, scenes = sys.argv[1:4]
scene = scenes + "/high_level_network_flow.json"
failures = []


def run(*args):
    return subprocess.run([flowview, *args], capture_output=True, text=True, timeout=120)


text = "To date, the cleverest thinker of all time was"
info = run("info", scene, "--model", model, "--text", text)
assert info.returncode == 0, info.stderr
info = json.loads(info.stdout)
predict = json.loads(run("predict", "--model", model, "--top", str(len(info["next_tokens"])), text).stdout)
if info["tokens"] != predict["tokens"]:
    failures.append(f"tokens {info['tokens']} != predict's {predict['tokens']}")
for mine, theirs in zip(info["next_tokens"], predict["next"]):
    if mine["token"] != theirs["token"] or abs(mine["probability"] - theirs["probability"]) > 1e-12:
        failures.append(f"next token {mine} != predict's {theirs}")
with open(scene) as f:  # as many bars as the scene lists
    bars = len(json.load(f)["network_flow"]["next_tokens"])
if len(info["next_tokens"]) != bars:
    failures.append(f"{len(info['next_tokens'])} next tokens, expected {bars}")
if "layers x" not in info.get("model", ""):
    failures.append(f"no data-source line: {info.get('model')}")

# Without a model: no model fields, today's output.
plain = json.loads(run("info", scene).stdout)
if "next_tokens" in plain or "tokens" in plain:
    failures.append("info without --model printed model fields")

# Bad input: one line on stderr, exit 2.
for args, needle in [(["--model", "/nonexistent/model"], "nonexistent"),
                     (["--model", model, "--text", "word " * 60], "more than"),
                     (["--text", ""], "at least 2 tokens")]:
    r = run("info", scene, *args)
    lines = r.stderr.strip().splitlines()
    if r.returncode != 2 or len(lines) != 1 or needle not in r.stderr:
        failures.append(f"info {args[:2]}: exit {r.returncode}, stderr {r.stderr!r}")

# Typing-like inputs never crash: only spaces, emoji, 2,000 characters.
for t in ["   ", "I \U0001F600 emoji 🐍", "x" * 2000]:
    r = run("info", scene, "--model", model, "--text", t)
    if r.returncode not in (0, 2):
        failures.append(f"--text {t[:10]!r}: exit {r.returncode} {r.stderr!r}")

# A scene file whose "model" names the folder relatively: the same numbers as --model, kept by
# `format`; a head the model lacks is the scene's error at its JSON path.
with tempfile.TemporaryDirectory() as folder:
    with open(scene) as f:
        own = json.load(f)
    own["model"] = os.path.relpath(model, folder)
    own["network_flow"]["attention_head"] = 1
    own_path = os.path.join(folder, "own_model.json")
    with open(own_path, "w") as f:
        json.dump(own, f)
    mine = run("info", own_path)
    theirs = run("info", scene, "--model", model)
    if mine.returncode != 0 or json.loads(mine.stdout).get("next_tokens") != json.loads(theirs.stdout).get("next_tokens"):
        failures.append(f"scene model: {mine.returncode} {mine.stderr!r}")
    formatted = run("format", own_path)
    kept = json.loads(formatted.stdout) if formatted.returncode == 0 else {}
    if kept.get("model") != own["model"] or kept.get("network_flow", {}).get("attention_head") != 1:
        failures.append(f"format lost the model fields: {formatted.stdout[:200]!r}")
    rendered = run("render", own_path, "--time", "30", "--size", "320x180", "--out", os.path.join(folder, "own.png"))
    if rendered.returncode != 0 or not os.path.getsize(os.path.join(folder, "own.png")):
        failures.append(f"render with the scene's model: {rendered.returncode} {rendered.stderr!r}")
    own["network_flow"]["attention_head"] = 7
    with open(own_path, "w") as f:
        json.dump(own, f)
    bad = run("info", own_path)
    lines = bad.stderr.strip().splitlines()
    if bad.returncode != 2 or len(lines) != 1 or "/network_flow/attention_head" not in bad.stderr:
        failures.append(f"bad attention_head: exit {bad.returncode}, stderr {bad.stderr!r}")

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("ok")
