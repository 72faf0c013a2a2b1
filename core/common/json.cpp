// core/common/json.cpp — JSON text to QJsonObject with located syntax errors (see json.h).
#include "core/common/json.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace qpilot {

Result<QJsonObject> parseJsonObject(std::string_view text, const std::string& fileName,
                                    const std::string& notObjectMessage)
{
    QJsonParseError perr{};
    const QByteArray bytes(text.data(), static_cast<int>(text.size()));
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &perr);
    if (perr.error != QJsonParseError::NoError) {
        int line = 1, column = 1;
        for (int i = 0; i < perr.offset && i < bytes.size(); ++i) {
            if (bytes[i] == '\n') {
                ++line;
                column = 1;
            } else if ((static_cast<unsigned char>(bytes[i]) & 0xC0) != 0x80) { // count characters, not UTF-8 bytes
                ++column;
            }
        }
        return Error{"invalid JSON: " + perr.errorString().toStdString(), fileName, line, column};
    }
    if (!doc.isObject())
        return Error{notObjectMessage, fileName};
    return doc.object();
}

} // namespace qpilot
