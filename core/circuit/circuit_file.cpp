// SPDX-License-Identifier: GPL-3.0-or-later
// core/circuit/circuit_file.cpp — circuit files by format (see circuit_file.h).
#include "core/circuit/circuit_file.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace qpilot {

namespace {

Error fileError(const QString& path, const QString& message)
{
    Error e;
    e.file = path.toStdString();
    e.message = message.toStdString();
    return e;
}

} // namespace

QString circuitFormatKey(CircuitFormat format)
{
    switch (format) {
    case CircuitFormat::Auto: return QStringLiteral("auto");
    case CircuitFormat::Qasm2: return QStringLiteral("qasm2");
    case CircuitFormat::Qasm3: return QStringLiteral("qasm3");
    case CircuitFormat::Braket: return QStringLiteral("braket");
    case CircuitFormat::IonqJson: return QStringLiteral("ionq");
    }
    return {};
}

QString circuitFormatTitle(CircuitFormat format)
{
    switch (format) {
    case CircuitFormat::Auto: return QStringLiteral("automatic");
    case CircuitFormat::Qasm2: return QStringLiteral("OpenQASM 2.0");
    case CircuitFormat::Qasm3: return QStringLiteral("OpenQASM 3");
    case CircuitFormat::Braket: return QStringLiteral("Amazon Braket OpenQASM 3");
    case CircuitFormat::IonqJson: return QStringLiteral("IonQ JSON");
    }
    return {};
}

QString circuitFormatSuffix(CircuitFormat format)
{
    return format == CircuitFormat::IonqJson ? QStringLiteral("json") : QStringLiteral("qasm");
}

std::optional<CircuitFormat> circuitFormatFromKey(const QString& key)
{
    for (CircuitFormat f : {CircuitFormat::Auto, CircuitFormat::Qasm2, CircuitFormat::Qasm3,
                            CircuitFormat::Braket, CircuitFormat::IonqJson}) {
        if (key == circuitFormatKey(f))
            return f;
    }
    return std::nullopt;
}

QStringList circuitFormatKeys()
{
    return {circuitFormatKey(CircuitFormat::Qasm2), circuitFormatKey(CircuitFormat::Qasm3),
            circuitFormatKey(CircuitFormat::Braket), circuitFormatKey(CircuitFormat::IonqJson)};
}

CircuitFormat detectCircuitFormat(const QString& path, std::string_view text)
{
    if (path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
        return CircuitFormat::IonqJson;
    std::size_t i = 0;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") // UTF-8 byte-order mark
        i = 3;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r'))
        ++i;
    if (i < text.size() && text[i] == '{')
        return CircuitFormat::IonqJson;
    return detectQasmVersion(text) == QasmVersion::V2 ? CircuitFormat::Qasm2 : CircuitFormat::Qasm3;
}

Result<LoadedCircuit> parseCircuitText(std::string_view text, const QString& fileName,
                                       CircuitFormat format)
{
    const std::string name = fileName.toStdString();
    const CircuitFormat detected = detectCircuitFormat(fileName, text);
    if (format == CircuitFormat::Auto)
        format = detected;

    if ((format == CircuitFormat::Qasm2 || format == CircuitFormat::Qasm3)
        && detected != format && detected != CircuitFormat::IonqJson) {
        return fileError(fileName, QStringLiteral("the file declares %1, not %2 (use --from auto)")
                                       .arg(circuitFormatTitle(detected), circuitFormatTitle(format)));
    }

    Result<Circuit> parsed = [&]() -> Result<Circuit> {
        switch (format) {
        case CircuitFormat::IonqJson: return parseIonqJson(text, name);
        case CircuitFormat::Braket: return parseBraketQasm(text, name);
        default: return parseQasm(text, name);
        }
    }();
    if (!parsed)
        return parsed.error();
    return LoadedCircuit{std::move(parsed).value(), format};
}

Result<LoadedCircuit> loadCircuitFile(const QString& path, CircuitFormat format)
{
    QFileInfo info(path);
    if (!info.exists())
        return fileError(path, QStringLiteral("no such file"));
    if (info.isDir())
        return fileError(path, QStringLiteral("is a folder, not a circuit file"));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fileError(path, QStringLiteral("cannot read: %1").arg(file.errorString()));
    const QByteArray bytes = file.readAll();
    return parseCircuitText(std::string_view(bytes.constData(), std::size_t(bytes.size())), path,
                            format);
}

Result<std::string> writeCircuitText(const Circuit& circuit, CircuitFormat format)
{
    switch (format) {
    case CircuitFormat::Qasm2: return writeQasm2(circuit);
    case CircuitFormat::Qasm3: return writeQasm3(circuit);
    case CircuitFormat::Braket: return writeBraketQasm(circuit);
    case CircuitFormat::IonqJson: return writeIonqJson(circuit);
    case CircuitFormat::Auto: break;
    }
    Error e;
    e.message = "no output format chosen";
    return e;
}

std::optional<Error> saveTextAtomically(const QString& path, const std::string& text)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fileError(path, QStringLiteral("cannot write: %1").arg(file.errorString()));
    const qint64 size = qint64(text.size());
    if (file.write(text.data(), size) != size)
        return fileError(path, QStringLiteral("cannot write: %1").arg(file.errorString()));
    if (!file.commit())
        return fileError(path, QStringLiteral("cannot write: %1").arg(file.errorString()));
    return std::nullopt;
}

} // namespace qpilot
