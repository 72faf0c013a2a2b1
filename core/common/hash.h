// core/common/hash.h — SHA-256 as every record of Qpilot writes it: lower-case hex of a text
// (circuit hashes, dataset fingerprints) or of a file's bytes (report artefacts, exports).
#pragma once

#include <string>

namespace qpilot {

std::string sha256Hex(const std::string& bytes);
// Empty when the file cannot be read.
std::string fileSha256(const std::string& path);

} // namespace qpilot
