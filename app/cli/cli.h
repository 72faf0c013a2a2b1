// SPDX-License-Identifier: GPL-3.0-or-later
// app/cli/cli.h — the headless command line: `qpilot VERB ...`, `--version`, `--help`.
// Runs under a QCoreApplication, so it never needs a display.
#pragma once

#include <QStringList>

#include <iosfwd>

namespace qpilot::cli {

// Exit codes (ARCHITECTURE.md §3).
enum ExitCode : int {
    ExitOk = 0,       // success
    ExitFailed = 1,   // the work failed (e.g. the target format cannot express the circuit)
    ExitUsage = 2,    // bad usage or bad input (unknown verb/option, missing or malformed file)
};

// Whether the arguments (without the program name) ask for the command line rather than the
// workbench: a verb, --version, --help, or anything that is neither a file to open nor a
// GUI option. No arguments, a circuit file, or a GUI option (-platform, --screenshot, ...)
// start the workbench.
bool isCliInvocation(const QStringList& args);

// Whether the verb renders with QtGui/QtWidgets (the PDF report) and so needs a QApplication;
// main() then creates one on the offscreen platform.
bool needsGuiApplication(const QStringList& args);

// Runs the command line on `args` (without the program name); returns the exit code.
int run(const QStringList& args, std::ostream& out, std::ostream& err);

} // namespace qpilot::cli
