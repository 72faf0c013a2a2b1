// core/device/json_fields.h — internal to core/device: reading profile-like JSON field by
// field with typed accessors, unit-suffixed times (_s/_ms/_us/_ns) and errors that name the
// field path and find its line and column in the text (the Validator). Used by the profile
// parser and the calibration importer.
#pragma once

#include "core/common/result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <set>
#include <string>

namespace qpilot::detail {

inline std::string fmt(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

struct TimeUnit {
    const char* suffix;
    double seconds;
};
inline constexpr TimeUnit kTimeUnits[] = {{"_s", 1.0}, {"_ms", 1e-3}, {"_us", 1e-6}, {"_ns", 1e-9}};

// Builds errors that name the field and find it in the text (best effort: the n-th
// occurrence of the quoted key after its parent's key).
class Validator {
public:
    Validator(const std::string& text, std::string fileName) : m_text(text), m_file(std::move(fileName)) {}

    Error error(const std::string& path, const std::string& message) const
    {
        Error e{"field '" + path + "': " + message, m_file};
        locate(path, e);
        return e;
    }
    Error plain(const std::string& message) const { return Error{message, m_file}; }

private:
    void locate(const std::string& path, Error& e) const
    {
        // path forms: "key", "parent.key", "parent[i]", "parent[i].key"
        std::string parent, key = path;
        int index = -1;
        const auto dot = path.rfind('.');
        if (dot != std::string::npos) {
            parent = path.substr(0, dot);
            key = path.substr(dot + 1);
        } else if (path.find('[') != std::string::npos) {
            parent = path;
            key.clear();
        }
        if (const auto br = parent.find('['); br != std::string::npos) {
            index = std::atoi(parent.c_str() + br + 1);
            parent = parent.substr(0, br);
        }
        size_t pos = 0;
        if (!parent.empty()) {
            pos = topLevelKey(parent);
            if (pos == std::string::npos)
                return;
            if (index >= 0) {
                pos = elementStart(m_text.find('[', pos), index);
                if (pos == std::string::npos)
                    return;
            }
        }
        if (!key.empty())
            pos = parent.empty() ? topLevelKey(key) : m_text.find('"' + key + '"', pos);
        if (pos == std::string::npos)
            return;
        int line = 1, column = 1;
        for (size_t i = 0; i < pos; ++i) {
            if (m_text[i] == '\n') {
                ++line;
                column = 1;
            } else if ((static_cast<unsigned char>(m_text[i]) & 0xC0) != 0x80) {
                ++column; // count UTF-8 code points, not bytes
            }
        }
        e.line = line;
        e.column = column;
    }

    // Offset of the key "key" of the root object (depth 1, followed by ':'), so that a
    // top-level "qubits" is not confused with a "qubits" inside "gates"; npos when absent.
    size_t topLevelKey(const std::string& key) const
    {
        const std::string quoted = '"' + key + '"';
        int depth = 0;
        for (size_t i = 0; i < m_text.size(); ++i) {
            const char ch = m_text[i];
            if (ch == '"') {
                if (depth == 1 && m_text.compare(i, quoted.size(), quoted) == 0) {
                    size_t j = i + quoted.size();
                    while (j < m_text.size() && std::isspace(static_cast<unsigned char>(m_text[j])))
                        ++j;
                    if (j < m_text.size() && m_text[j] == ':')
                        return i;
                }
                for (++i; i < m_text.size() && m_text[i] != '"'; ++i)
                    if (m_text[i] == '\\')
                        ++i;
            } else if (ch == '{' || ch == '[') {
                ++depth;
            } else if (ch == '}' || ch == ']') {
                --depth;
            }
        }
        return std::string::npos;
    }

    // Offset of element `index` of the JSON array whose '[' is at `open`.
    size_t elementStart(size_t open, int index) const
    {
        if (open == std::string::npos)
            return open;
        int depth = 0, element = 0;
        bool inString = false, seenValue = false;
        for (size_t i = open + 1; i < m_text.size(); ++i) {
            const char ch = m_text[i];
            if (inString) {
                if (ch == '\\')
                    ++i;
                else if (ch == '"')
                    inString = false;
                continue;
            }
            if (depth == 0 && !seenValue && !std::isspace(static_cast<unsigned char>(ch)) && ch != ',' && ch != ']') {
                if (element == index)
                    return i;
                seenValue = true;
            }
            if (ch == '"')
                inString = true;
            else if (ch == '{' || ch == '[')
                ++depth;
            else if (ch == '}' || ch == ']') {
                if (depth == 0)
                    return std::string::npos;
                --depth;
            } else if (ch == ',' && depth == 0) {
                ++element;
                seenValue = false;
            }
        }
        return std::string::npos;
    }

    const std::string& m_text;
    std::string m_file;
};

inline const char* typeName(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Null: return "null";
    case QJsonValue::Bool: return "a boolean";
    case QJsonValue::Double: return "a number";
    case QJsonValue::String: return "a string";
    case QJsonValue::Array: return "an array";
    case QJsonValue::Object: return "an object";
    default: return "undefined";
    }
}

// Reads objects field by field, checking types and remembering which keys were used.
class Fields {
public:
    Fields(const QJsonObject& obj, std::string prefix, const Validator& v)
        : m_obj(obj), m_prefix(std::move(prefix)), m_v(v) {}

    std::string path(const std::string& key) const { return m_prefix.empty() ? key : m_prefix + "." + key; }

    // A number (or null / absent = nullopt). Writes an error into `err` on a wrong type.
    std::optional<double> number(const std::string& key, std::optional<Error>& err)
    {
        m_used.insert(key);
        const QJsonValue v = m_obj.value(QString::fromStdString(key));
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        if (!v.isDouble()) {
            err = m_v.error(path(key), std::string("expected a number, got ") + typeName(v));
            return std::nullopt;
        }
        return v.toDouble();
    }

    // A time given as <base>_s / _ms / _us / _ns (exactly one of them), in seconds.
    std::optional<double> time(const std::string& base, std::optional<Error>& err)
    {
        std::optional<double> out;
        std::string seen;
        for (const TimeUnit& u : kTimeUnits) {
            const std::string key = base + u.suffix;
            const bool present = m_obj.contains(QString::fromStdString(key));
            auto value = number(key, err);
            if (err)
                return std::nullopt;
            if (present && !seen.empty()) {
                err = m_v.error(path(key), "given twice (also as '" + seen + "'); keep one unit");
                return std::nullopt;
            }
            if (present)
                seen = key;
            if (value) {
                if (!std::isfinite(*value) || *value < 0) {
                    err = m_v.error(path(key), "must be a time >= 0 (got " + fmt(*value) + ")");
                    return std::nullopt;
                }
                out = *value * u.seconds;
            }
        }
        return out;
    }

    std::optional<std::string> string(const std::string& key, std::optional<Error>& err)
    {
        m_used.insert(key);
        const QJsonValue v = m_obj.value(QString::fromStdString(key));
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        if (!v.isString()) {
            err = m_v.error(path(key), std::string("expected a string, got ") + typeName(v));
            return std::nullopt;
        }
        return v.toString().toStdString();
    }

    QJsonValue raw(const std::string& key)
    {
        m_used.insert(key);
        return m_obj.value(QString::fromStdString(key));
    }

    // The first key that no reader asked for.
    std::optional<Error> unknownKeys() const
    {
        for (auto it = m_obj.begin(); it != m_obj.end(); ++it) {
            const std::string key = it.key().toStdString();
            if (!m_used.count(key)) {
                std::string known;
                for (const std::string& k : m_used)
                    known += (known.empty() ? "" : ", ") + k;
                return m_v.error(path(key), "unknown field (known here: " + known + ")");
            }
        }
        return std::nullopt;
    }

private:
    const QJsonObject& m_obj;
    std::string m_prefix;
    const Validator& m_v;
    std::set<std::string> m_used;
};


} // namespace qpilot::detail
