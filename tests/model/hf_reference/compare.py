# Compares flowview tokenize/predict with the outputs make_reference.py saved from transformers.
# Usage: python3 compare.py FLOWVIEW_BINARY REFERENCE_DIR   (exit 1 on any mismatch)
import json, subprocess, sys
fv, ref = sys.argv[1], sys.argv[2]
e = json.load(open(f"{ref}/expected.json"))
worst_p = worst_a = 0; bad = 0
for s, ids in e["tokenize"].items():
    r = subprocess.run([fv, "tokenize", s], capture_output=True, text=True)
    if r.returncode != 0:
        print("tokenize rc", r.returncode, repr(s), r.stderr.strip()); bad += 1; continue
    got = json.loads(r.stdout)["ids"]
    if got != ids: print("TOKEN MISMATCH", repr(s), got, ids); bad += 1
for m, v in e["models"].items():
    for p, ex in v["prompts"].items():
        r = subprocess.run([fv, "predict", "--model", f"{ref}/{m}", "--top", "10", "--attention", p], capture_output=True, text=True)
        if r.returncode != 0: print(m, "rc", r.returncode, r.stderr.strip()); bad += 1; continue
        d = json.loads(r.stdout)
        if d["ids"] != ex["ids"]: print(m, "ids differ"); bad += 1
        got_ids = [n["id"] for n in d["next"]]
        if got_ids != ex["top_ids"]: print(m, repr(p), "top ids differ", got_ids, ex["top_ids"]); bad += 1
        for n, q in zip(d["next"], ex["top_probs"]): worst_p = max(worst_p, abs(n["probability"] - q) / q)
        for L, (ga, ea) in enumerate(zip(d["attention"], ex["attention"])):
            for gh, eh in zip(ga, ea):
                for gr, er in zip(gh, eh):
                    for x, y in zip(gr, er): worst_a = max(worst_a, abs(x - y))
        print(m, len(ex["ids"]), "tokens, top-1", got_ids[0], "p", round(d["next"][0]["probability"], 4), "ok")
print(f"tokenizer strings {len(e['tokenize'])}, mismatches/failures {bad}; worst top-10 prob rel err {worst_p:.2e}; worst attention abs err {worst_a:.2e}")
sys.exit(1 if bad or worst_p > 1e-4 or worst_a > 1e-5 else 0)
