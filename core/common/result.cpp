// core/common/result.cpp — formatting of Error.
#include "result.h"

namespace qpilot {

std::string Error::toString() const
{
    std::string out;
    if (!file.empty()) {
        out += file;
        if (line > 0) {
            out += ':' + std::to_string(line);
            if (column > 0)
                out += ':' + std::to_string(column);
        }
        out += ": ";
    } else if (line > 0) {
        out += "line " + std::to_string(line);
        if (column > 0)
            out += ", column " + std::to_string(column);
        out += ": ";
    }
    out += message;
    return out;
}

} // namespace qpilot
