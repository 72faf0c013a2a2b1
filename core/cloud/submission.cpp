// SPDX-License-Identifier: GPL-3.0-or-later
// core/cloud/submission.cpp — circuit → ISA + cost estimate before a cloud submission (see
// submission.h); the one path used by `qpilot cloud submit` and the GUI's submit dialog.
#include "core/cloud/submission.h"

#include "core/circuit/circuit_file.h"
#include "core/circuit/qasm.h"
#include "core/device/device.h"
#include "core/mitigation/overhead.h"
#include "core/transpile/transpile.h"

#include <QFile>

#include <cmath>

namespace qpilot::cloud {

namespace {

Result<SubmissionCircuit> fromLoaded(const LoadedCircuit& loaded, std::string text)
{
    SubmissionCircuit s;
    s.circuit = loaded.circuit;
    if (loaded.format == CircuitFormat::Qasm3) {
        s.qasm = std::move(text);
    } else {
        Result<std::string> written = writeQasm3(loaded.circuit);
        if (!written)
            return written.error();
        s.qasm = written.value();
    }
    return s;
}

} // namespace

Result<SubmissionCircuit> submissionCircuitFromText(const std::string& text, const std::string& fileName)
{
    Result<LoadedCircuit> loaded = parseCircuitText(text, QString::fromStdString(fileName));
    if (!loaded)
        return loaded.error();
    return fromLoaded(loaded.value(), text);
}

Result<SubmissionCircuit> loadSubmissionCircuit(const QString& path)
{
    Result<LoadedCircuit> loaded = loadCircuitFile(path);
    if (!loaded)
        return loaded.error();
    std::string text;
    if (loaded->format == CircuitFormat::Qasm3) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return Error(f.errorString().toStdString(), path.toStdString());
        text = f.readAll().toStdString();
    }
    return fromLoaded(loaded.value(), std::move(text));
}

Submission PreparedSubmission::submission(std::map<std::string, std::string> tags) const
{
    Submission s;
    s.deviceId = deviceId;
    s.qasm = qasm;
    s.isaQasm = isaQasm;
    s.shots = shots;
    s.tags = std::move(tags);
    if (estimate)
        s.estimatedCostUsd = estimate->usd;
    return s;
}

Result<PreparedSubmission> prepareSubmission(Provider provider, const std::string& deviceId, const SubmissionCircuit& circuit,
                                             int shots)
{
    if (deviceId.empty())
        return Error("no device chosen");
    if (shots < 1)
        return Error("shots must be a positive whole number (got " + std::to_string(shots) + ")");
    PreparedSubmission p;
    p.provider = provider;
    p.deviceId = deviceId;
    p.shots = shots;
    p.qasm = circuit.qasm;
    p.isaQasm = circuit.qasm;
    p.profileId = profileIdForCloudDevice(provider, deviceId);
    if (p.profileId.empty()) {
        p.note = "no Qpilot device profile matches " + deviceId + ": the circuit is sent as written, cost unknown";
        return p;
    }
    Result<DeviceProfile> profile = findDevice(p.profileId);
    if (!profile)
        return Error("device profile " + p.profileId + ": " + profile.error().message);
    Result<TranspileResult> t = transpile(circuit.circuit, profile.value(), TranspileOptions{});
    if (!t)
        return Error("cannot transpile for " + p.profileId + ": " + t.error().message);
    QasmWriteOptions w;
    w.physicalQubits = true;
    Result<std::string> text = writeQasm3(t->circuit, w);
    if (!text)
        return Error("cannot write the ISA circuit: " + text.error().message);
    p.isaQasm = text.value();
    p.transpiled = true;
    p.twoQubitGates = t->metrics.twoQubitCount;
    p.depth = t->metrics.depth;
    p.note = "transpiled for profile " + p.profileId + ": " + std::to_string(p.twoQubitGates) + " two-qubit gates, depth "
             + std::to_string(p.depth);
    Result<CostEstimate> e = estimateCost(profile.value(), shots, mitigation::figuresOf(t.value(), profile.value()));
    if (e)
        p.estimate = e.value();
    else
        p.note += "; no cost estimate: " + e.error().message;
    return p;
}

Result<std::optional<double>> parseBudgetUsd(const std::string& text)
{
    const QString t = QString::fromStdString(text).trimmed();
    if (t.isEmpty())
        return std::optional<double>();
    bool ok = false;
    const double v = t.toDouble(&ok);
    if (!ok || !std::isfinite(v) || v < 0)
        return Error("the budget must be a non-negative amount in USD (got '" + text + "')");
    return std::optional<double>(v);
}

std::optional<double> budgetFromEnvironment()
{
    Result<std::optional<double>> b = parseBudgetUsd(qEnvironmentVariable("QPILOT_CLOUD_BUDGET").toStdString());
    return b ? b.value() : std::nullopt;
}

} // namespace qpilot::cloud
