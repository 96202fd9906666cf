// `flowview tokenize` and `flowview predict`: GPT-2 from the command line (docs/command-line.md).
#include <chrono>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/arguments.h"
#include "cli/commands.h"
#include "core/io/load_error.h"
#include "core/model/model.h"
#include "core/model/next_token.h"
#include "core/model/vocabulary_locator.h"

namespace flowview::cli {
namespace {

using Clock = std::chrono::steady_clock;

double millisecondsSince(Clock::time_point start) {
  const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  return std::round(ms * 1000.0) / 1000.0;
}

// Tokens may hold part of a UTF-8 sequence: JSON shows those bytes as U+FFFD.
std::string dumpJson(const nlohmann::ordered_json& value) {
  return value.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

nlohmann::ordered_json tokenizeJson(const model::BpeTokenizer& tokenizer, const std::string& text) {
  model::TokenizedText tokens;
  try {
    tokens = model::tokenize(tokenizer, text);
  } catch (const model::InvalidTextError& e) {
    throw ArgumentError(std::string("TEXT: ") + e.what());
  }
  return {{"tokens", tokens.tokens}, {"ids", tokens.ids}};
}

model::BpeTokenizer loadVocabulary(const Arguments& args) {
  if (const auto folder = args.option("model")) {
    const auto files = model::vocabularyIn(*folder);
    if (!files) throw io::LoadError(*folder, "", {}, "no vocab.json and merges.txt in the folder");
    return model::BpeTokenizer::load(files->vocab_json, files->merges);
  }
  const auto files = model::locateGpt2Vocabulary();
  if (!files) {
    std::string searched;
    for (const auto& folder : model::vocabularySearchPath())
      searched += (searched.empty() ? "" : ", ") + folder;
    throw std::runtime_error(
        "GPT-2's vocabulary is not installed (run scripts/setup-deps.sh, set "
        "FLOWVIEW_GPT2_VOCAB_DIR or pass --model DIR); searched " +
        searched);
  }
  return model::BpeTokenizer::load(files->vocab_json, files->merges);
}

int tokenize(const std::vector<std::string>& raw) {
  Arguments args("tokenize", raw, {"model"}, {"jsonl"});
  if (args.flag("jsonl")) {
    // Batch mode for tests and scripts: one JSON string per line on stdin, one object per line.
    args.expectPositionalCount(0);
    const model::BpeTokenizer tokenizer = loadVocabulary(args);
    std::string line;
    int line_number = 0;
    while (std::getline(std::cin, line)) {
      ++line_number;
      nlohmann::ordered_json text;
      try {
        text = nlohmann::ordered_json::parse(line);
      } catch (const nlohmann::ordered_json::exception&) {
      }
      if (!text.is_string())
        throw ArgumentError("stdin line " + std::to_string(line_number) + " is not a JSON string");
      std::cout << dumpJson(tokenizeJson(tokenizer, text.get<std::string>())) << "\n";
    }
    return 0;
  }
  const std::string text = args.requirePositional(0, "TEXT");
  args.expectPositionalCount(1);
  const model::BpeTokenizer tokenizer = loadVocabulary(args);
  std::cout << dumpJson(tokenizeJson(tokenizer, text)) << "\n";
  return 0;
}

// [layer][head][T][T]: row q holds the weights of keys 0..q, then zeros (the causal mask).
nlohmann::ordered_json attentionJson(const model::Model& model) {
  const auto& state = model.state();
  const int T = state.length();
  nlohmann::ordered_json layers = nlohmann::ordered_json::array();
  for (int l = 0; l < model.config().n_layer; ++l) {
    nlohmann::ordered_json heads = nlohmann::ordered_json::array();
    for (int h = 0; h < model.config().n_head; ++h) {
      nlohmann::ordered_json rows = nlohmann::ordered_json::array();
      for (int q = 0; q < T; ++q) {
        std::vector<float> row(T, 0.0f);
        const auto weights = state.attentionRow(l, h, q);
        std::copy(weights.begin(), weights.end(), row.begin());
        rows.push_back(row);
      }
      heads.push_back(std::move(rows));
    }
    layers.push_back(std::move(heads));
  }
  return layers;
}

int predict(const std::vector<std::string>& raw) {
  Arguments args("predict", raw, {"model", "top", "temperature"}, {"attention"});
  const std::string text = args.requirePositional(0, "TEXT");
  args.expectPositionalCount(1);
  const std::string folder = args.requireOption("model");
  const double temperature = args.number("temperature", 1.0, 1e-3, 1e3);

  auto start = Clock::now();
  const auto model = model::Model::load(folder);
  const double load_ms = millisecondsSince(start);
  const int top = args.integer("top", 10, 1, model->config().vocab_size);

  start = Clock::now();
  nlohmann::ordered_json out = tokenizeJson(model->tokenizer(), text);
  auto ids = out["ids"].get<std::vector<int>>();
  const double tokenize_ms = millisecondsSince(start);
  if (ids.empty()) throw ArgumentError("TEXT has no tokens");
  const int n_positions = model->config().n_positions;
  if (static_cast<int>(ids.size()) > n_positions) {
    std::fprintf(stderr,
                 "flowview predict: the prompt has %zu tokens, more than n_positions %d: keeping "
                 "the last %d\n",
                 ids.size(), n_positions, n_positions);
    ids.erase(ids.begin(), ids.end() - n_positions);
    out["ids"] = ids;
    out["tokens"] = nlohmann::ordered_json::array();
    for (int id : ids) out["tokens"].push_back(model->tokenizer().tokenBytes(id));
  }

  start = Clock::now();
  const auto& state = model->run(ids);
  const double forward_ms = millisecondsSince(start);

  nlohmann::ordered_json next = nlohmann::ordered_json::array();
  for (const auto& candidate : model::topK(state.logits(), top, temperature))
    next.push_back({{"id", candidate.id},
                    {"token", model->tokenizer().tokenBytes(candidate.id)},
                    {"probability", candidate.probability}});
  out["next"] = std::move(next);
  if (args.flag("attention")) out["attention"] = attentionJson(*model);
  out["timing_ms"] = {{"load", load_ms}, {"tokenize", tokenize_ms}, {"forward", forward_ms}};
  std::cout << dumpJson(out) << "\n";
  return 0;
}

}  // namespace

int runTokenize(const std::vector<std::string>& args) {
  return guarded("tokenize", tokenize, args);
}
int runPredict(const std::vector<std::string>& args) {
  return guarded("predict", predict, args);
}

}  // namespace flowview::cli
