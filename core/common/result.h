// core/common/result.h — the error value every core function returns instead of throwing,
// and Result<T>, "a T or an Error". Errors carry what a user needs to act: message and,
// for files, the location (file, 1-based line and column).
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace qpilot {

struct Error {
    Error() = default;
    Error(std::string message_, std::string file_ = {}, int line_ = 0, int column_ = 0) // NOLINT
        : message(std::move(message_)), file(std::move(file_)), line(line_), column(column_) {}

    std::string message;
    std::string file;   // empty when the error is not about a file
    int line = 0;       // 1-based; 0 = unknown
    int column = 0;     // 1-based; 0 = unknown

    // "file:line:column: message" (parts that are unknown are left out).
    std::string toString() const;
};

template <class T>
class Result {
public:
    Result(T value) : m_v(std::move(value)) {}          // NOLINT(google-explicit-constructor)
    Result(Error error) : m_v(std::move(error)) {}      // NOLINT(google-explicit-constructor)

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T& value() const& { return std::get<0>(m_v); }
    T& value() & { return std::get<0>(m_v); }
    T&& value() && { return std::get<0>(std::move(m_v)); }
    const Error& error() const { return std::get<1>(m_v); }

    const T* operator->() const { return &value(); }
    const T& operator*() const& { return value(); }

private:
    std::variant<T, Error> m_v;
};

} // namespace qpilot
