#include "core/scenes/mole_example.h"

#include <algorithm>
#include <cmath>
#include <glm/gtc/quaternion.hpp>

#include "core/math/random.h"
#include "core/scenes/context_arcs.h"
#include "core/scenes/matrix_object.h"
#include "core/scenes/mole_illustrations.h"
#include "core/scenes/network_flow/phrase_layout.h"
#include "core/scenes/shapes.h"
#include "core/timeline/group_timing.h"

namespace flowview::scenes {
namespace {

const char* const kSection = "mole";
constexpr float kPhraseEm = 0.5f;
constexpr float kPhraseBuff = 2.0f;  // phrases.arrange(DOWN, buff=2.0)
constexpr float kPhrasesCenterY = -0.25f;
constexpr int kEmbeddingLength = 7;
constexpr float kEmbeddingHeight = 2.0f;
constexpr float kColumnWidth = 14.2222f / 3;
constexpr float kPi = 3.14159265f;

struct Phrase {
  std::vector<int> words;          // one element per word
  std::vector<glm::vec3> offsets;  // word centres relative to the phrase centre (em 1)
  std::vector<float> widths;       // ink widths (em 1)
  glm::vec3 center{0.0f};
  float width = 0;  // em 1
  int mole = -1;    // index of "mole" among the words
};

Phrase addPhrase(SceneBuilder& b, text::GlyphAtlas& atlas, const std::string& id,
                 const std::vector<std::string>& words, glm::vec3 center) {
  Phrase p;
  p.center = center;
  std::vector<std::string> pieces;
  for (size_t i = 0; i < words.size(); ++i) pieces.push_back((i ? " " : "") + words[i]);
  const std::vector<PieceLayout> layout = layoutPieces(atlas, pieces);
  const float mid = 0.5f * (layout.front().ink_left + layout.back().ink_right);
  p.width = layout.back().ink_right - layout.front().ink_left;
  for (size_t i = 0; i < words.size(); ++i) {
    TextGeometry g;
    g.utf8 = words[i];
    g.em_size = 1.0f;
    const glm::vec3 offset{layout[i].origin_offset.x - mid, layout[i].origin_offset.y, 0};
    p.offsets.push_back(offset);
    p.widths.push_back(layout[i].ink_right - layout[i].ink_left);
    p.words.push_back(b.addText(id + "/word" + std::to_string(i), g,
                                poseAt(center + offset * kPhraseEm, kPhraseEm), Rgb(1.0f)));
    if (words[i] == "mole") p.mole = static_cast<int>(i);
  }
  return p;
}

glm::vec3 wordAt(const Phrase& p, int i, glm::vec3 center, float em) {
  return center + p.offsets[size_t(i)] * em;
}

// The brace over a word: a horizontal curly brace pointing down at it.
int addBraceOver(SceneBuilder& b, const std::string& id, glm::vec3 word, float width) {
  Pose pose = poseAt(word + glm::vec3(0, 0.45f, 0));
  pose.rotation = glm::angleAxis(-0.5f * kPi, glm::vec3(0, 0, 1));
  return b.addStroke(id, shapes::brace(width, 0.15f, false, 2.5f), pose, Rgb(1.0f));
}

}  // namespace

void buildMoleExample(SceneBuilder& b, text::GlyphAtlas& atlas, const MoleExampleParams& params) {
  b.mutableScene().camera.setInitial(Camera::fromEuler({0, 0, 0}, {0, 0, 0}, 8.0f));
  Random random(params.seed);
  const Rgb yellow = hexColor(palette::kYellow), grey = hexColor(palette::kGreyB);
  const std::vector<std::vector<std::string>> phrase_words = {
      {"American", "shrew", "mole"},
      {"One", "mole", "of", "carbon", "dioxide"},
      {"Take", "a", "biopsy", "of", "the", "mole"},
  };
  std::vector<Phrase> phrases;
  for (int i = 0; i < 3; ++i) {
    const float y = kPhrasesCenterY + (1 - i) * (kPhraseBuff + 0.4f);
    phrases.push_back(
        addPhrase(b, atlas, "phrase" + std::to_string(i), phrase_words[size_t(i)], {0, y, 0}));
  }
  const std::string same_word = "The same word, three meanings.";

  // 1-6. The phrases appear one by one; "mole" flies from each into the next.
  for (int e : phrases[0].words) b.hideUntil(e, 0);
  b.reveal(phrases[0].words[0], {0, 1}, RevealStyle::Parts, Rate::Linear, 0.1f);
  for (size_t i = 0; i < phrases[0].words.size(); ++i)
    b.reveal(phrases[0].words[i], {0.3 * double(i) / 3, 0.4 + 0.6 * double(i + 1) / 3},
             RevealStyle::Parts, Rate::Linear, 0.1f);
  b.endPlay(1.0, "first phrase", kSection, same_word);
  b.wait(1.0, "hold", kSection, same_word);
  for (int i = 1; i < 3; ++i) {
    const double t0 = b.now();
    const Phrase &from = phrases[size_t(i - 1)], &to = phrases[size_t(i)];
    TextGeometry g;
    g.utf8 = "mole";
    g.em_size = 1.0f;
    const int copy = b.addText("phrase" + std::to_string(i) + "/mole_copy", g,
                               b.poseNow(from.words[size_t(from.mole)]), Rgb(1.0f));
    b.hideUntil(copy, t0);
    b.moveTo(copy, {t0, t0 + 1.0}, b.poseNow(to.words[size_t(to.mole)]));
    b.remove(copy, t0 + 1.0);
    const auto windows = laggedWindows(static_cast<int>(to.words.size()), 1.0, 0.1, 1.0);
    for (size_t w = 0; w < to.words.size(); ++w) {
      const bool mole = static_cast<int>(w) == to.mole;
      b.hideUntil(to.words[w], mole ? t0 + 1.0 : t0);
      if (!mole) b.fadeIn(to.words[w], {t0 + windows[w].start, t0 + windows[w].end});
    }
    const std::string ordinal = i == 1 ? "second" : "third";
    b.endPlay(1.0, ordinal + " phrase", kSection, same_word);
    b.wait(1.0, "hold", kSection, same_word);
  }

  // 7. Braces over each "mole", the meanings above them; the moles turn yellow.
  double t0 = b.now();
  std::vector<int> braces, images;
  std::vector<std::vector<int>> meaning(3);
  const auto grow = laggedWindows(3, 1.0, 0.5, 2.0);
  for (int i = 0; i < 3; ++i) {
    const Phrase& p = phrases[size_t(i)];
    const glm::vec3 mole = wordAt(p, p.mole, p.center, kPhraseEm);
    const int brace = addBraceOver(b, "meaning" + std::to_string(i) + "/brace", mole,
                                   p.widths[size_t(p.mole)] * kPhraseEm + 0.1f);
    const glm::vec3 image_at = mole + glm::vec3(0, 1.2f, 0);
    const std::string id = "meaning" + std::to_string(i) + "/image";
    if (i == 0) {
      meaning[0] = addShrewMole(b, id, image_at).elements;
    } else if (i == 1) {
      TextGeometry g;
      g.utf8 = "6.02 \u00D7 10\u00B2\u00B3";
      g.em_size = 0.6f;
      meaning[1] = {b.addText(id, g, poseAt(image_at), hexColor(palette::kTeal))};
    } else {
      meaning[2] = addMoleOnLip(b, id, image_at).elements;
    }
    const TimeWindow w{t0 + grow[size_t(i)].start, t0 + grow[size_t(i)].end};
    b.hideUntil(brace, w.start);
    b.reveal(brace, w, RevealStyle::Grow);
    for (int e : meaning[size_t(i)]) {
      b.hideUntil(e, w.start);
      b.fadeIn(e, w);
    }
    b.recolor(p.words[size_t(p.mole)], w, yellow);
    braces.push_back(brace);
    images.insert(images.end(), meaning[size_t(i)].begin(), meaning[size_t(i)].end());
  }
  const std::string meanings = "An animal, a unit, a skin blemish.";
  b.endPlay(2.0, "meanings", kSection, meanings);
  b.wait(1.0, "hold", kSection, meanings);

  // 9. Each word in its token rectangle; braces and images fall away.
  const std::string first_step =
      "The first step of the network gives each token the same vector, whatever its context.";
  t0 = b.now();
  std::vector<std::vector<int>> boxes(3);
  for (int i = 0; i < 3; ++i) {
    Phrase& p = phrases[size_t(i)];
    for (size_t w = 0; w < p.words.size(); ++w) {
      const float width = p.widths[w] * kPhraseEm + 0.12f;
      const int box = b.addStroke(
          "phrase" + std::to_string(i) + "/box" + std::to_string(w),
          shapes::rectangleOutline(width, 0.75f * kPhraseEm + 0.25f, 1.5f),
          poseAt(wordAt(p, int(w), p.center, kPhraseEm) + glm::vec3(0, -0.02f, 0)), grey);
      b.hideUntil(box, t0);
      b.fadeIn(box, {t0, t0 + 1.0});
      boxes[size_t(i)].push_back(box);
    }
  }
  std::vector<int> away = braces;
  away.insert(away.end(), images.begin(), images.end());
  for (int e : away) {
    b.fadeOut(e, {t0, t0 + 1.0}, {0, -0.5f, 0});
    b.remove(e, t0 + 1.0);
  }
  b.endPlay(1.0, "words in boxes", kSection, first_step);
  b.wait(1.0, "hold", kSection, first_step);

  // 11. The phrases shrink to the tops of three columns; two lines divide them.
  t0 = b.now();
  const auto move = laggedWindows(3, 1.0, 0.05);
  std::vector<float> scales(3);
  for (int i = 0; i < 3; ++i) {
    Phrase& p = phrases[size_t(i)];
    scales[size_t(i)] = std::min(0.75f * kPhraseEm, 0.9f * kColumnWidth / p.width);
    const glm::vec3 target{(i - 1) * kColumnWidth, 3.3f, 0};
    const TimeWindow w{t0 + move[size_t(i)].start, t0 + move[size_t(i)].end};
    for (size_t k = 0; k < p.words.size(); ++k) {
      const glm::vec3 to = wordAt(p, int(k), target, scales[size_t(i)]);
      b.moveTo(p.words[k], w, poseAt(to, scales[size_t(i)]));
      Pose box = poseAt(to + glm::vec3(0, -0.02f, 0), scales[size_t(i)] / kPhraseEm);
      b.moveTo(boxes[size_t(i)][k], w, box);
    }
    p.center = target;
  }
  std::vector<int> lines;
  for (int s : {-1, 1}) {
    StrokeGeometry line;
    line.points = {{0, 4.0f, 0}, {0, -4.0f, 0}};
    line.width = 2.0f;
    const int e = b.addStroke("columns/line" + std::to_string(s > 0), line,
                              poseAt({0.5f * s * kColumnWidth, 0, 0}), grey);
    b.hideUntil(e, t0 + 1.0);
    b.reveal(e, {t0 + 1.0, t0 + 2.0}, RevealStyle::Prefix);
    lines.push_back(e);
  }
  b.endPlay(2.0, "three columns", kSection, first_step);

  // 12. An arrow and a 7-entry embedding under every word; "mole" always gets the same one.
  t0 = b.now();
  std::vector<double> seed_array(kEmbeddingLength);
  for (double& v : seed_array) v = random.uniform(0.0, 10.0);
  std::vector<MatrixHandles> vectors;
  std::vector<std::vector<int>> arrows(3);
  const int total_words = 14;
  const auto grow_arrows = laggedWindows(total_words, 1.0, 0.05);
  int word_index = 0;
  for (int i = 0; i < 3; ++i) {
    const Phrase& p = phrases[size_t(i)];
    for (size_t k = 0; k < p.words.size(); ++k, ++word_index) {
      const std::string& w = phrase_words[size_t(i)][k];
      const int size = static_cast<int>(w.size()) * 17 + static_cast<int>(w.size());
      Eigen::MatrixXd values(kEmbeddingLength, 1);
      for (int r = 0; r < kEmbeddingLength; ++r)
        values(r, 0) = std::fmod(seed_array[size_t(r)] * size, 10.0);
      const glm::vec3 word = wordAt(p, int(k), p.center, scales[size_t(i)]);
      MatrixOptions o;
      o.name = "phrase" + std::to_string(i) + "/vector" + std::to_string(k);
      o.center = {word.x, word.y - 0.9f - 0.5f * kEmbeddingHeight, 0};
      o.decimals = 1;
      o.coloring = MatrixColoring::Magnitude;
      o.value_max = 10.0f;
      o.em_size = kEmbeddingHeight / kEmbeddingLength / 1.7f;
      MatrixHandles m = addMatrix(b, values, o);
      const TimeWindow window{t0 + grow_arrows[size_t(word_index)].start,
                              t0 + grow_arrows[size_t(word_index)].end};
      for (int e : m.allElements()) {
        b.hideUntil(e, window.start);
        b.fadeIn(e, window);
      }
      const int arrow =
          b.addFill(o.name + "/arrow",
                    shapes::arrowFill({word.x, word.y - 0.2f, 0}, {word.x, word.y - 0.8f, 0}, 0.02f,
                                      0.1f, 0.1f, {}),
                    Pose{}, hexColor(palette::kGreyA));
      b.hideUntil(arrow, window.start);
      b.reveal(arrow, window, RevealStyle::Grow);
      arrows[size_t(i)].push_back(arrow);
      vectors.push_back(m);
    }
  }
  b.endPlay(grow_arrows.back().end, "embeddings", kSection, first_step);
  b.wait(1.0, "hold", kSection, first_step);

  // 14. Yellow rectangles around the three "mole" vectors; the others dim.
  const std::string same_vector = "All three 'mole's start as the same vector.";
  t0 = b.now();
  const int mole_vectors[3] = {2, 4, 13};
  const auto rect_windows = laggedWindows(3, 1.0, 0.05);
  std::vector<int> rects;
  for (int j = 0; j < 3; ++j) {
    const MatrixHandles& m = vectors[size_t(mole_vectors[j])];
    const int e = b.addStroke(m.name + "/rect",
                              shapes::rectangleOutline(m.width + 0.15f, m.height + 0.15f, 3.0f),
                              poseAt(m.center), yellow);
    b.hideUntil(e, t0 + rect_windows[size_t(j)].start);
    b.reveal(e, {t0 + rect_windows[size_t(j)].start, t0 + rect_windows[size_t(j)].end},
             RevealStyle::Prefix);
    rects.push_back(e);
  }
  for (int v = 0; v < total_words; ++v) {
    if (std::find(std::begin(mole_vectors), std::end(mole_vectors), v) != std::end(mole_vectors))
      continue;
    for (int e : vectors[size_t(v)].allElements()) b.fadeTo(e, {t0, t0 + 1.0}, 0.5f);
  }
  b.endPlay(rect_windows.back().end, "same vector for mole", kSection, same_vector);
  b.wait(1.0, "hold", kSection, same_vector);
  t0 = b.now();
  for (int e : rects) {
    b.fadeOut(e, {t0, t0 + 1.0});
    b.remove(e, t0 + 1.0);
  }
  b.endPlay(1.0, "rectangles away", kSection, same_vector);

  // 17. The middle phrase and its vectors grow to the centre; the others fall away.
  const std::string attention_notes =
      "Attention moves information between vectors, so this 'mole' can come to mean the unit.";
  t0 = b.now();
  const Phrase& middle = phrases[1];
  const float grow_scale = 1.5f;
  const glm::vec3 shift_to_center{0, -1.3f, 0};
  auto to_center = [&](glm::vec3 p) {
    return (p - middle.center) * grow_scale + glm::vec3(0, middle.center.y, 0) + shift_to_center;
  };
  std::vector<int> middle_elements;
  for (size_t k = 0; k < middle.words.size(); ++k) {
    middle_elements.push_back(middle.words[k]);
    middle_elements.push_back(boxes[1][k]);
    middle_elements.push_back(arrows[1][k]);
    const MatrixHandles& m = vectors[size_t(3 + k)];
    for (int e : m.allElements()) middle_elements.push_back(e);
    for (int e : m.allElements()) b.fadeTo(e, {t0, t0 + 2.0}, 1.0f);
  }
  for (int e : middle_elements) {
    Pose p = b.poseNow(e);
    p.position = to_center(p.position);
    p.scale *= grow_scale;
    b.moveTo(e, {t0, t0 + 2.0}, p);
  }
  std::vector<int> fall;
  for (int i : {0, 2}) {
    const Phrase& p = phrases[size_t(i)];
    fall.insert(fall.end(), p.words.begin(), p.words.end());
    fall.insert(fall.end(), boxes[size_t(i)].begin(), boxes[size_t(i)].end());
    fall.insert(fall.end(), arrows[size_t(i)].begin(), arrows[size_t(i)].end());
  }
  for (int v = 0; v < total_words; ++v)
    if (v < 3 || v > 7)
      for (int e : vectors[size_t(v)].allElements()) fall.push_back(e);
  fall.insert(fall.end(), lines.begin(), lines.end());
  for (int e : fall) {
    b.fadeOut(e, {t0, t0 + 1.5}, {0, -1.0f, 0});
    b.remove(e, t0 + 1.5);
  }
  b.endPlay(2.0, "focus the middle phrase", kSection, attention_notes);
  b.wait(1.0, "hold", kSection, attention_notes);

  // 19. Into the attention block: the camera turns, a translucent block rises around the vectors.
  t0 = b.now();
  std::vector<glm::vec3> tops;
  float lo = 1e9f, hi = -1e9f, top = -1e9f, bottom = 1e9f;
  for (int k = 0; k < 5; ++k) {
    const MatrixHandles& m = vectors[size_t(3 + k)];
    const glm::vec3 c = to_center(m.center);
    const float h = m.height * grow_scale;
    tops.push_back(c + glm::vec3(0, 0.5f * h + 0.05f, 0));
    lo = std::min(lo, c.x - 0.5f * m.width * grow_scale);
    hi = std::max(hi, c.x + 0.5f * m.width * grow_scale);
    top = std::max(top, c.y + 0.5f * h);
    bottom = std::min(bottom, c.y - 0.5f * h);
  }
  BoxGeometry block;
  block.size = {hi - lo + 1.0f, top - bottom + 1.0f, 2.0f};
  const int box =
      b.addBox("attention/block", block, poseAt({0.5f * (lo + hi), 0.5f * (top + bottom), -1.2f}),
               hexColor(0x101010), 0.6f);
  b.hideUntil(box, t0);
  b.fadeIn(box, {t0, t0 + 2.0});
  TextGeometry title;
  title.utf8 = "Attention";
  title.em_size = 0.6f;
  const int title_e =
      b.addText("attention/title", title, poseAt({lo - 2.0f, top + 0.3f, 0}), Rgb(1.0f));
  b.hideUntil(title_e, t0);
  b.fadeIn(title_e, {t0, t0 + 2.0});
  // Framed on the vectors' nominal middle (not their measured one: the camera must not depend on
  // glyph metrics).
  const float vectors_y = (-0.9f - 0.5f * kEmbeddingHeight) * grow_scale + 3.3f + shift_to_center.y;
  b.moveCamera({t0, t0 + 2.0}, Camera::fromEuler({-20, -10, 0}, {-0.5f, vectors_y, 0}, 9.0f));
  b.endPlay(2.0, "into attention", kSection, attention_notes);

  // 20. Arcs flash between the five vectors while their entries change.
  t0 = b.now();
  const auto groups = laggedWindows(5, 2.0, 0.25, 5.0);
  for (int k = 0; k < 5; ++k) {
    std::vector<glm::vec3> sources;
    for (int j = 0; j < 5; ++j)
      if (j != k) sources.push_back(tops[size_t(j)]);
    ContextArcsParams arcs;
    arcs.start = t0 + groups[size_t(k)].start;
    arcs.run_time = groups[size_t(k)].duration();
    arcs.lag_ratio = 0.05;
    arcs.angle = look::attention::kArcAngle;
    arcs.id = "attention/arcs" + std::to_string(k);
    addContextArcs(b, random, sources, tops[size_t(k)], arcs);
  }
  const auto update = laggedWindows(5, 1.0, 0.5, 5.0);
  for (int k = 0; k < 5; ++k)
    for (int e : vectors[size_t(3 + k)].cells)
      if (e >= 0)
        b.changeValue(e, {t0 + update[size_t(k)].start, t0 + update[size_t(k)].end},
                      static_cast<float>(random.uniform(0.0, 10.0)));
  b.endPlay(5.0, "attention arcs", kSection, attention_notes);

  // 21. The updated vectors leave the block.
  t0 = b.now();
  b.fadeOut(box, {t0, t0 + 1.0});
  b.fadeOut(title_e, {t0, t0 + 1.0});
  b.moveCamera({t0, t0 + 1.0}, Camera::fromEuler({0, 0, 0}, {0, 0, 0}, 8.0f));
  b.endPlay(1.0, "out of the block", kSection, attention_notes);
  b.wait(1.0, "hold", kSection, attention_notes);
}

}  // namespace flowview::scenes
