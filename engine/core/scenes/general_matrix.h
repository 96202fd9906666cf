#pragma once
// The general layer's "matrix" object and "highlight" animation (docs/scene-format.md#matrix):
// any scene can show a matrix (matrix_object.h) and surround one of its rows, columns or cells.
// Kept apart from general_layer.cpp, which calls these two functions.
#include <map>
#include <string>

#include "core/build/scene_builder.h"
#include "core/io/json_document.h"
#include "core/scenes/matrix_object.h"

namespace flowview::scenes {

// Reads a matrix object's fields (values, decimals, coloring, ...) and adds it at `position`.
MatrixHandles readMatrixObject(io::ObjectReader& obj, SceneBuilder& builder, const std::string& id,
                               glm::vec3 position, Rgb color);

// A "highlight" animation: "target" is "NAME/rowR", "NAME/colC" or "NAME/cellR_C" of a matrix
// object; draws its rectangle over `w`. The rectangle is a part ("NAME/highlight/rowR") that
// later animations can fade out.
void readMatrixHighlight(io::ObjectReader& anim, SceneBuilder& builder,
                         const std::map<std::string, MatrixHandles>& matrices, TimeWindow w);

}  // namespace flowview::scenes
