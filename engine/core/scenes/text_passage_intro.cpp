#include "core/scenes/text_passage_intro.h"

#include <algorithm>
#include <sstream>
#include <stdexcept>

#include "core/math/random.h"
#include "core/scenes/context_arcs.h"
#include "core/scenes/network_flow/phrase_layout.h"
#include "core/timeline/group_timing.h"

namespace flowview::scenes {
namespace {

const char* const kSection = "text passage";
constexpr float kFrameWidth = 14.2222f;
constexpr float kPassageHeight = 7.0f;            // FRAME_HEIGHT - 1
constexpr float kSectionWidth = kFrameWidth - 1;  // the paragraph alone
constexpr float kWordHeight = 0.75f;              // the focus word alone
constexpr float kLineSpacing = 1.3f;              // line pitch in em
constexpr float kSectionLineEm = 40.0f;           // the paragraph alone: lines of about 80 glyphs

struct Word {
  std::string text;
  int paragraph = 0;
  glm::vec3 position{0.0f};  // in the passage, centre of its ink
  float width = 0;           // ink width in the passage
};

std::vector<std::vector<std::string>> paragraphsOf(const std::string& passage) {
  std::vector<std::vector<std::string>> paragraphs;
  std::istringstream lines(passage);
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream words(line);
    std::vector<std::string> paragraph;
    for (std::string w; words >> w;) paragraph.push_back(w);
    if (!paragraph.empty()) paragraphs.push_back(paragraph);
  }
  return paragraphs;
}

// Lays the words out left-aligned in lines no wider than `width` em (em = 1): a greedy wrap on
// measured word widths, then each line set exactly. Positions are in em, the first line at y = 0.
struct Laid {
  std::vector<Word> words;
  int lines = 0;
  float width = 0;
};
struct Measured {
  std::vector<std::vector<float>> widths;  // per paragraph, per word
  float space = 0.25f;
};
Measured measure(text::GlyphAtlas& atlas, const std::vector<std::vector<std::string>>& paragraphs) {
  Measured m;
  const std::vector<PieceLayout> pair = layoutPieces(atlas, {"n", " n"});
  m.space = pair[1].ink_left - pair[0].ink_right;
  for (const auto& paragraph : paragraphs) {
    std::vector<float> widths;
    for (const auto& w : paragraph) {
      const PieceLayout one = layoutPieces(atlas, {w}).front();
      widths.push_back(one.ink_right - one.ink_left);
    }
    m.widths.push_back(widths);
  }
  return m;
}
// Where each line starts: per paragraph, the first word of each line.
std::vector<std::vector<size_t>> wrap(const Measured& m, float width) {
  std::vector<std::vector<size_t>> breaks;
  for (const auto& widths : m.widths) {
    std::vector<size_t> starts = {0};
    float line = 0;
    for (size_t i = 0; i < widths.size(); ++i) {
      const float with = i == starts.back() ? widths[i] : line + m.space + widths[i];
      if (i != starts.back() && with > width) {
        starts.push_back(i);
        line = widths[i];
      } else {
        line = with;
      }
    }
    breaks.push_back(starts);
  }
  return breaks;
}
Laid layOut(text::GlyphAtlas& atlas, const std::vector<std::vector<std::string>>& paragraphs,
            const std::vector<std::vector<size_t>>& breaks, int paragraph_offset = 0) {
  Laid laid;
  int line = 0;
  for (size_t p = 0; p < paragraphs.size(); ++p) {
    const auto& words = paragraphs[p];
    for (size_t l = 0; l < breaks[p].size(); ++l) {
      const size_t start = breaks[p][l];
      const size_t end = l + 1 < breaks[p].size() ? breaks[p][l + 1] : words.size();
      std::vector<std::string> pieces;
      for (size_t i = start; i < end; ++i) pieces.push_back((i == start ? "" : " ") + words[i]);
      const std::vector<PieceLayout> fit = layoutPieces(atlas, pieces);
      const float left = fit.front().ink_left;
      for (size_t i = start; i < end; ++i) {
        const PieceLayout& piece = fit[i - start];
        Word w;
        w.text = words[i];
        w.paragraph = static_cast<int>(p) + paragraph_offset;
        w.position = {piece.origin_offset.x - left, piece.origin_offset.y - line * kLineSpacing, 0};
        w.width = piece.ink_right - piece.ink_left;
        laid.width = std::max(laid.width, piece.ink_right - left);
        laid.words.push_back(w);
      }
      ++line;
    }
  }
  laid.lines = line;
  return laid;
}
int lineCount(const std::vector<std::vector<size_t>>& breaks) {
  int n = 0;
  for (const auto& b : breaks) n += static_cast<int>(b.size());
  return n;
}

// The index of the first word of `phrase` in `words` (whole words, punctuation included).
size_t find(const std::vector<Word>& words, const std::string& phrase, size_t from = 0) {
  std::istringstream in(phrase);
  std::vector<std::string> wanted;
  for (std::string w; in >> w;) wanted.push_back(w);
  for (size_t i = from; i + wanted.size() <= words.size(); ++i) {
    bool match = true;
    for (size_t j = 0; j < wanted.size() && match; ++j) match = words[i + j].text == wanted[j];
    if (match) return i;
  }
  throw std::invalid_argument("\"" + phrase + "\" is not in the passage");
}

}  // namespace

void buildTextPassageIntro(SceneBuilder& b, text::GlyphAtlas& atlas, const TextPassageParams& p) {
  const auto paragraphs = paragraphsOf(p.passage);
  if (paragraphs.size() <= size_t(p.section_paragraph))
    throw std::invalid_argument("the passage has fewer than " +
                                std::to_string(p.section_paragraph + 1) + " paragraphs");
  b.mutableScene().camera.setInitial(Camera::fromEuler({0, 0, 0}, {0, 0, 0}, 8.0f));
  Random random(p.seed);

  // The passage at the largest em size that keeps it kPassageHeight tall and kSectionWidth wide:
  // the line length is chosen among a range of wraps.
  const Measured measured = measure(atlas, paragraphs);
  float best_em = 0, best_wrap = 60;
  for (float wrap_em = 30; wrap_em <= 160; wrap_em += 2) {
    const int lines = lineCount(wrap(measured, wrap_em));
    const float em = std::min(kPassageHeight / (lines * kLineSpacing), kSectionWidth / wrap_em);
    if (em > best_em) best_em = em, best_wrap = wrap_em;
  }
  Laid laid = layOut(atlas, paragraphs, wrap(measured, best_wrap));
  const float em =
      std::min(kPassageHeight / (laid.lines * kLineSpacing), kSectionWidth / laid.width);
  const glm::vec3 origin{-0.5f * laid.width * em, 0.5f * (laid.lines - 1) * kLineSpacing * em, 0};
  std::vector<Word>& words = laid.words;
  for (Word& w : words) {
    w.position = origin + w.position * em;
    w.width *= em;
  }
  const size_t focus = find(words, p.focus_phrase);
  const size_t far_first = 0, far_second = find(words, p.far_context_phrase);
  // The section alone: the paragraph wrapped into shorter lines, kSectionWidth wide, centred.
  std::vector<size_t> section, rest;
  for (size_t i = 0; i < words.size(); ++i)
    (words[i].paragraph == p.section_paragraph ? section : rest).push_back(i);
  Measured section_measured;
  section_measured.space = measured.space;
  section_measured.widths = {measured.widths[size_t(p.section_paragraph)]};
  const Laid alone = layOut(atlas, {paragraphs[size_t(p.section_paragraph)]},
                            wrap(section_measured, kSectionLineEm), p.section_paragraph);
  const float section_em = kSectionWidth / alone.width;
  const float section_scale = section_em / em;
  auto in_section = [&](size_t i) {
    const size_t j = size_t(std::find(section.begin(), section.end(), i) - section.begin());
    return glm::vec3(-0.5f * kSectionWidth, 0.5f * (alone.lines - 1) * kLineSpacing * section_em,
                     0) +
           alone.words[j].position * section_em;
  };
  std::vector<int> elements(words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    TextGeometry g;
    g.utf8 = words[i].text;
    g.em_size = em;
    const bool hidden = i + 1 == words.size();  // the word a model would have to predict
    elements[i] = b.addText("passage/word" + std::to_string(i), g, poseAt(words[i].position),
                            Rgb(1.0f), hidden ? 0.0f : 1.0f);
    b.hideUntil(elements[i], 1e9);  // shown by the beats below
  }

  // 1. The focus word, written large in the middle.
  TextGeometry big;
  big.utf8 = words[focus].text;
  big.em_size = kWordHeight;
  const int word = b.addText("word", big, poseAt({0, 0, 0}), Rgb(1.0f));
  b.hideUntil(word, 0);
  b.reveal(word, {0, 1}, RevealStyle::Parts, Rate::Linear, 0.1f);
  b.endPlay(1.0, "write the word", kSection, "One word.");
  b.wait(1.0, "hold", kSection, "One word.");

  // 3. The word shrinks into its place while the paragraph appears around it.
  double t0 = b.now();
  b.moveTo(word, {t0, t0 + 0.5}, poseAt(in_section(focus), section_scale * em / kWordHeight));
  b.remove(word, t0 + 0.5);
  for (size_t j = 0; j < section.size(); ++j) {
    const size_t i = section[j];
    b.element(elements[i]).pose.setInitial(poseAt(in_section(i), section_scale));
    // ShowIncreasingSubsets: word j appears at j / n of the run time.
    const double appear = i == focus ? t0 + 0.5 : t0 + double(j) / double(section.size());
    b.hideUntil(elements[i], appear);
  }
  const std::string context_notes = "Its meaning depends on the words around it.";
  b.endPlay(1.0, "context grows", kSection, context_notes);

  // 4. Arcs from every word of the paragraph to the focus word.
  const float lift = 0.6f * em * section_scale;
  std::vector<glm::vec3> sources;
  for (size_t i : section)
    if (i != focus) sources.push_back(in_section(i) + glm::vec3(0, lift, 0));
  ContextArcsParams arcs;
  arcs.start = b.now();
  arcs.run_time = 3.0;
  arcs.id = "context/section";
  addContextArcs(b, random, sources, in_section(focus) + glm::vec3(0, lift, 0), arcs);
  b.endPlay(3.0, "context to the word", kSection, "Every word of the context can inform it.");
  b.wait(1.0, "hold", kSection, "Every word of the context can inform it.");

  // 6. The paragraph shrinks into the passage while the rest appears.
  t0 = b.now();
  for (size_t i : section) b.moveTo(elements[i], {t0, t0 + 1.0}, poseAt(words[i].position));
  for (size_t j = 0; j < rest.size(); ++j) {
    const double appear = t0 + double(j) / double(rest.size());
    b.hideUntil(elements[rest[j]], appear);
  }
  b.endPlay(1.0, "whole passage", kSection, "And context can be long.");

  // 7. Far context: the passage's first word and a later mention to the focus word.
  arcs.start = b.now();
  arcs.lag_ratio = 0.01;
  arcs.id = "context/far";
  const glm::vec3 up{0, 0.6f * em, 0};
  addContextArcs(b, random, {words[far_first].position + up, words[far_second].position + up},
                 words[focus].position + up, arcs);
  const std::string far_notes =
      "Words far away still matter: only the first line says who " + words[0].text + " is.";
  b.endPlay(3.0, "far context", kSection, far_notes);
  b.wait(1.0, "hold", kSection, far_notes);

  // 9. Compression: the passage's start and end become the short line, the middle "...".
  t0 = b.now();
  std::istringstream start_in(p.short_start), end_in(p.short_end);
  std::vector<std::string> short_words;
  for (std::string w; start_in >> w;) short_words.push_back(w);
  const size_t n_start = short_words.size();
  short_words.push_back("...");
  for (std::string w; end_in >> w;) short_words.push_back(w);
  const size_t n_end = short_words.size() - n_start - 1;
  std::vector<std::string> pieces;
  for (size_t i = 0; i < short_words.size(); ++i) pieces.push_back((i ? " " : "") + short_words[i]);
  const std::vector<PieceLayout> short_layout = layoutPieces(atlas, pieces);
  const float short_width = short_layout.back().ink_right - short_layout.front().ink_left;
  const float short_em = std::min(0.5f, kSectionWidth / short_width);
  const float short_center = 0.5f * (short_layout.back().ink_right + short_layout.front().ink_left);
  std::vector<int> short_elements;
  for (size_t i = 0; i < short_words.size(); ++i) {
    TextGeometry g;
    g.utf8 = short_words[i];
    g.em_size = short_em;
    const glm::vec3 position{(short_layout[i].origin_offset.x - short_center) * short_em,
                             short_layout[i].origin_offset.y * short_em, 0};
    const bool hidden = i + 1 == short_words.size();
    const int e = b.addText("short/word" + std::to_string(i), g, poseAt(position), Rgb(1.0f),
                            hidden ? 0.0f : 1.0f);
    b.hideUntil(e, t0);
    if (!hidden) b.fadeIn(e, {t0 + 1.0, t0 + 3.0});
    short_elements.push_back(e);
  }
  // Each passage word flies to the short line's word it becomes (its start, its end) or into the
  // dots, fading as it goes.
  const size_t end_first = words.size() - n_end;
  for (size_t i = 0; i < words.size(); ++i) {
    size_t target = n_start;  // the dots
    if (i < n_start) target = i;
    if (i >= end_first) target = n_start + 1 + (i - end_first);
    Pose to = b.poseNow(short_elements[target]);
    to.scale = glm::vec3(target == n_start ? 0.1f : short_em / em);
    b.moveTo(elements[i], {t0, t0 + 3.0}, to);
    b.fadeOut(elements[i], {t0 + 1.0, t0 + 3.0});
    b.remove(elements[i], t0 + 3.0);
  }
  const std::string compress_notes =
      "The network sees the whole passage at once; this is the sentence we will follow.";
  b.endPlay(3.0, "compress", kSection, compress_notes);
  b.wait(1.0, "hold", kSection, compress_notes);
}

}  // namespace flowview::scenes
