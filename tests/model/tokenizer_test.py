"""`flowview tokenize` against npm's gpt-3-encoder (run with node) on generated strings: Unicode
letters and marks, digits, whitespace runs, tabs and newlines, contractions, emoji, CJK. One
`flowview tokenize --jsonl` run and one node run for the whole batch.

usage: tokenizer_test.py FLOWVIEW NODE VOCAB_DIR [COUNT]   (VOCAB_DIR: the npm package's folder)

Whitespace is drawn from characters that JavaScript's \\s, PCRE2's \\s and Python's agree on
(U+0085, U+FEFF and U+001C-U+001F differ between them) and letters from scripts that both
Unicode versions (Node's ICU, Debian's PCRE2) classify the same way.
"""
import json
import os
import random
import subprocess
import sys

SEED_PHRASE = "To date, the cleverest thinker of all time was blank"
SEED_TOKENS = ["To", " date", ",", " the", " cle", "ve", "rest", " thinker", " of", " all", " time",
               " was", " blank"]

WORDS = ["the", "The", "cat", "thinker", "cleverest", "blank", "tokenizer", "GPT", "naïve", "café",
         "Straße", "élève", "año", "über", "ﬁne", "Ἀθῆναι", "Москва", "Ελληνικά", "עברית", "مرحبا",
         "हिन्दी", "தமிழ்", "ภาษาไทย", "日本語", "中文字符", "東京", "ひらがな", "カタカナ", "한국어", "ǅemal"]
CONTRACTIONS = ["'s", "'t", "'re", "'ve", "'m", "'ll", "'d", "'S", "'T", "'LL", "'", "’s"]
DIGITS = ["0", "7", "42", "2024", "3.14", "1,000", "٣٤", "１２３", "Ⅻ", "²", "½", "߁"]
PUNCT = [",", ".", "!", "?", ";", ":", "-", "--", "...", "(", ")", "\"", "#", "$", "%", "&", "*",
         "@", "[", "]", "{", "}", "<|endoftext|>", "€", "©", "→", "∑", "«", "»", "—", "~", "`", "\\"]
MARKS = ["\u0301", "\u0308", "\u0323", "\u0903", "\u093e", "\u20dd", "\u0670", "\u302a"]
EMOJI = ["😀", "🚀", "👍🏽", "👩‍💻", "🇫🇷", "❤️", "🧠", "✨", "🤖", "🏳️‍🌈"]
SPACES = [" ", "  ", "   ", "\t", "\n", "\n\n", "\r\n", " \t ", "\t\t", "\u00a0", "\u3000", "\u2003",
          " \n ", "\u000b", "\u000c"]


def generated_strings(count, seed=14):
    rng = random.Random(seed)
    strings = [SEED_PHRASE, "", " ", "\n", "  leading", "trailing  ", "a  b", "x\n\ny", "I'm",
               "don't", "we'll", "they've", "she'd", "you're", "It's 2024!"]
    kinds = [WORDS, CONTRACTIONS, DIGITS, PUNCT, MARKS, EMOJI, SPACES]
    weights = [6, 2, 2, 2, 1, 1, 4]
    while len(strings) < count:
        pieces = []
        for _ in range(rng.randint(1, 14)):
            kind = rng.choices(kinds, weights)[0]
            piece = rng.choice(kind)
            if kind is WORDS and rng.random() < 0.2:
                piece = piece.upper()
            if kind is WORDS and rng.random() < 0.1:  # a random letter from a CJK or Latin block
                piece += chr(rng.choice([rng.randint(0x4E00, 0x9FA5), rng.randint(0xC0, 0x17F),
                                         rng.randint(0x3041, 0x3096), rng.randint(0xAC00, 0xD7A3)]))
            pieces.append(piece)
            if rng.random() < 0.5:
                pieces.append(" ")
        strings.append("".join(pieces))
    return strings


NODE_SCRIPT = r"""
const encoder = require(require('path').join(process.argv[1], 'Encoder.js'));
const lines = require('fs').readFileSync(0, 'utf8').split('\n').filter(l => l.length > 0);
const out = lines.map(l => JSON.stringify(encoder.encode(JSON.parse(l))));
process.stdout.write(out.join('\n') + '\n');
"""


def main():
    flowview, node, vocab_dir = sys.argv[1:4]
    count = int(sys.argv[4]) if len(sys.argv) > 4 else 2500
    if not os.path.isfile(os.path.join(vocab_dir, "Encoder.js")):
        raise SystemExit(f"gpt-3-encoder is missing in '{vocab_dir}' (run scripts/setup-deps.sh)")
    strings = generated_strings(count)
    batch = "".join(json.dumps(s) + "\n" for s in strings)
    expected = subprocess.run([node, "-e", NODE_SCRIPT, vocab_dir], input=batch, text=True,
                              capture_output=True, check=True).stdout.splitlines()
    env = dict(os.environ, FLOWVIEW_GPT2_VOCAB_DIR=vocab_dir)
    run = subprocess.run([flowview, "tokenize", "--jsonl"], input=batch, text=True,
                         capture_output=True, env=env)
    assert run.returncode == 0, f"tokenize --jsonl exited {run.returncode}: {run.stderr.strip()}"
    got = run.stdout.splitlines()
    assert len(got) == len(strings) == len(expected), (len(got), len(strings), len(expected))
    failures = []
    for text, want, line in zip(strings, expected, got):
        ids = json.loads(line)["ids"]
        if ids != json.loads(want):
            failures.append(f"{text!r}: flowview {ids}, gpt-3-encoder {want}")
    assert not failures, f"{len(failures)} of {len(strings)} differ, e.g.\n" + "\n".join(failures[:5])

    # The seed phrase, through the one-text form of the command.
    run = subprocess.run([flowview, "tokenize", SEED_PHRASE], capture_output=True, text=True,
                         env=env, check=True)
    out = json.loads(run.stdout)
    assert out["tokens"] == SEED_TOKENS, out["tokens"]
    assert out["ids"] == json.loads(expected[0]), out["ids"]
    # Decoding every token and joining gives the text back (bytes split across tokens rejoin).
    assert "".join(out["tokens"]) == SEED_PHRASE
    print(f"{len(strings)} strings tokenized exactly like gpt-3-encoder; seed phrase: "
          + "|".join(out["tokens"]))


if __name__ == "__main__":
    main()
