#pragma once
// A linked GLSL program built from files in the shader directory.
#include <glm/mat4x4.hpp>
#include <glm/vec2.hpp>
#include <glm/vec3.hpp>
#include <glm/vec4.hpp>
#include <stdexcept>
#include <string>

#include "render/gl/gl_objects.h"

namespace flowview::gl {

// Missing file or compile/link error; the message names the file.
class ShaderError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Directory holding the .vert/.frag files: $FLOWVIEW_SHADER_DIR, else the directory baked in at
// build time, else `shaders/` next to the executable's parent.
std::string shaderDirectory();

class ShaderProgram {
 public:
  // `defines`: "#define NAME\n" lines for both stages (variants of one pair of files).
  ShaderProgram(const std::string& directory, const std::string& vertex_file,
                const std::string& fragment_file, const std::string& defines = "");
  void use() const { glUseProgram(program_.id()); }
  GLint uniform(const char* name) const { return glGetUniformLocation(program_.id(), name); }
  void set(const char* name, float v) const { glUniform1f(uniform(name), v); }
  void set(const char* name, int v) const { glUniform1i(uniform(name), v); }
  void set(const char* name, glm::vec2 v) const { glUniform2f(uniform(name), v.x, v.y); }
  void set(const char* name, glm::vec3 v) const { glUniform3f(uniform(name), v.x, v.y, v.z); }
  void set(const char* name, glm::vec4 v) const { glUniform4f(uniform(name), v.x, v.y, v.z, v.w); }
  void set(const char* name, const glm::mat4& m) const {
    glUniformMatrix4fv(uniform(name), 1, GL_FALSE, &m[0][0]);
  }

 private:
  ProgramHandle program_;
};

}  // namespace flowview::gl
