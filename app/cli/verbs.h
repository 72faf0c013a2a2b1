// SPDX-License-Identifier: GPL-3.0-or-later
// app/cli/verbs.h — what every verb shares: its entry point and usage text, and helpers for
// option parsing and error reporting.
#pragma once

#include "core/circuit/circuit_file.h"

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace qpilot::cli {

struct Verb {
    const char* name;
    const char* summary;                 // one line for `qpilot --help`
    const char* synopsis;                // "convert FILE --to FORMAT ..." for `qpilot --help`
    const char* usage;                   // full help text of the verb
    int (*run)(const QStringList& args, std::ostream& out, std::ostream& err);
};

extern const Verb kConvertVerb;
extern const Verb kInfoVerb;
extern const Verb kSimulateVerb;
extern const Verb kDevicesVerb;
extern const Verb kCalibrationVerb;
extern const Verb kPricesVerb;
extern const Verb kTrainVerb;
extern const Verb kDatasetsVerb;
extern const Verb kEncodeVerb;
extern const Verb kTranspileVerb;
extern const Verb kEstimateVerb;
extern const Verb kMitigateVerb;
extern const Verb kRunVerb;
extern const Verb kRunsVerb;
extern const Verb kCloudVerb;

// Prints "qpilot: MESSAGE" (and, for usage errors, a hint to the verb's --help) on `err`
// and returns `code`.
int reportError(std::ostream& err, int code, const std::string& message,
                const char* verbForHint = nullptr);

// Parses `args` with `parser` (which must have -h/--help as "help"). Returns -1 when the
// verb should go on; otherwise the exit code to return (help printed, or a usage error).
int parseVerbArgs(QCommandLineParser& parser, const Verb& verb, const QStringList& args,
                  std::ostream& out, std::ostream& err);

// The verb's single FILE argument, read in the format its --from option names ("auto"
// detects). On a usage or input error prints it and returns the exit code (2); otherwise fills
// `input` and `loaded` and returns -1.
int loadFileArgument(const QCommandLineParser& parser, const QCommandLineOption& fromOpt, const Verb& verb,
                     std::ostream& err, QString& input, LoadedCircuit& loaded);

// "1,3,5" → {1, 3, 5}; nullopt when an item is not a number (ZNE scale factors).
std::optional<std::vector<double>> parseNumberList(const QString& text);

// `v` with `digits` decimals ("0.871"); "n/a" when it is not finite (NaN ROC AUC, ...).
std::string fixed(double v, int digits);

// The help option every verb accepts.
QCommandLineOption helpOption();

} // namespace qpilot::cli
