// SPDX-License-Identifier: GPL-3.0-or-later
// core/circuit/circuit_file.h — circuit files by format: names of the formats, detection of a
// file's format, reading (files and Qt resources) and writing (atomic, via QSaveFile).
// QtCore only: the command line (app/cli) and the main window both use it.
#pragma once

#include "core/circuit/circuit.h"
#include "core/common/result.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <string>
#include <string_view>

namespace qpilot {

enum class CircuitFormat { Auto, Qasm2, Qasm3, Braket, IonqJson };

// Command-line key: "auto", "qasm2", "qasm3", "braket", "ionq".
QString circuitFormatKey(CircuitFormat format);
// For people: "OpenQASM 2.0", "OpenQASM 3", "Amazon Braket OpenQASM 3", "IonQ JSON".
QString circuitFormatTitle(CircuitFormat format);
// Usual file suffix without the dot: "qasm" or "json".
QString circuitFormatSuffix(CircuitFormat format);
std::optional<CircuitFormat> circuitFormatFromKey(const QString& key);
// The keys of the concrete formats (without "auto").
QStringList circuitFormatKeys();

// Auto-detection: a `.json` file or text whose first non-blank character is '{' is IonQ
// JSON; anything else is OpenQASM, 2.0 or 3 by its header (3 when there is none).
CircuitFormat detectCircuitFormat(const QString& path, std::string_view text);

struct LoadedCircuit {
    Circuit circuit;
    CircuitFormat format = CircuitFormat::Qasm3; // the format it was read as (never Auto)
};

// Parses text in `format` (Auto = detect). `fileName` is used in error messages and to
// resolve OpenQASM includes. An explicit qasm2/qasm3 that contradicts the header is an error.
Result<LoadedCircuit> parseCircuitText(std::string_view text, const QString& fileName,
                                       CircuitFormat format = CircuitFormat::Auto);
// Reads a file (a path or a ":/resource") and parses it. A missing or unreadable file is an
// error located at the file.
Result<LoadedCircuit> loadCircuitFile(const QString& path,
                                      CircuitFormat format = CircuitFormat::Auto);

// Text of the circuit in `format` (not Auto). Errors name what the format cannot express.
Result<std::string> writeCircuitText(const Circuit& circuit, CircuitFormat format);

// Writes `text` to `path` atomically (temporary file, then rename). nullopt on success.
std::optional<Error> saveTextAtomically(const QString& path, const std::string& text);

} // namespace qpilot
