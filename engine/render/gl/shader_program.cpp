#include "render/gl/shader_program.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

namespace flowview::gl {
namespace {

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ShaderError("cannot open shader file: " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// `defines` ("#define NAME\n" lines) go right after the #version line, which must come first.
GLuint compile(GLenum type, const std::string& path, const std::string& defines = "") {
  std::string source = readFile(path);
  if (!defines.empty()) {
    const size_t version_end =
        source.rfind("#version", 0) == 0 ? source.find('\n') : std::string::npos;
    source.insert(version_end == std::string::npos ? 0 : version_end + 1, defines);
  }
  const GLuint shader = glCreateShader(type);
  const char* text = source.c_str();
  glShaderSource(shader, 1, &text, nullptr);
  glCompileShader(shader);
  GLint ok = GL_FALSE;
  glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
  if (!ok) {
    GLint length = 0;
    glGetShaderiv(shader, GL_INFO_LOG_LENGTH, &length);
    std::vector<char> log(static_cast<size_t>(std::max(length, 1)));
    glGetShaderInfoLog(shader, length, nullptr, log.data());
    glDeleteShader(shader);
    std::string message(log.data());
    if (auto nl = message.find('\n'); nl != std::string::npos) message.resize(nl);
    throw ShaderError("shader compile error in " + path + ": " + message);
  }
  return shader;
}

}  // namespace

std::string shaderDirectory() {
  if (const char* env = std::getenv("FLOWVIEW_SHADER_DIR"); env && *env) return env;
#ifdef FLOWVIEW_SHADER_DIR
  if (std::filesystem::exists(FLOWVIEW_SHADER_DIR)) return FLOWVIEW_SHADER_DIR;
#endif
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (auto dir = exe.parent_path(); !dir.empty() && dir != dir.root_path();
         dir = dir.parent_path()) {
      if (std::filesystem::exists(dir / "shaders" / "glyph.vert"))
        return (dir / "shaders").string();
      if (std::filesystem::exists(dir / "share/flowview/shaders"))
        return (dir / "share/flowview/shaders").string();
    }
  }
  return "shaders";
}

ShaderProgram::ShaderProgram(const std::string& directory, const std::string& vertex_file,
                             const std::string& fragment_file, const std::string& defines) {
  const GLuint vs = compile(GL_VERTEX_SHADER, directory + "/" + vertex_file, defines);
  GLuint fs = 0;
  try {
    fs = compile(GL_FRAGMENT_SHADER, directory + "/" + fragment_file, defines);
  } catch (...) {
    glDeleteShader(vs);
    throw;
  }
  glAttachShader(program_.id(), vs);
  glAttachShader(program_.id(), fs);
  glLinkProgram(program_.id());
  glDeleteShader(vs);
  glDeleteShader(fs);
  GLint ok = GL_FALSE;
  glGetProgramiv(program_.id(), GL_LINK_STATUS, &ok);
  if (!ok) {
    char log[1024] = {};
    glGetProgramInfoLog(program_.id(), sizeof log, nullptr, log);
    throw ShaderError("shader link error (" + vertex_file + " + " + fragment_file + "): " + log);
  }
}

}  // namespace flowview::gl
